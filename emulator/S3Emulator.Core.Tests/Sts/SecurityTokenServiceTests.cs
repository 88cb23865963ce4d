using System.Xml.Linq;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Sts;
using S3Emulator.Core.Tests.Kms;
using static S3Emulator.Core.Tests.Identity.IdentityTestData;

namespace S3Emulator.Core.Tests.Sts;

public sealed class SecurityTokenServiceTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/reader";
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
    private static readonly XNamespace Sts = StsXml.Namespace;

    private readonly SessionTokenSealer _sealer = new(MasterKeyA);
    private FakeStsPolicyChecks _policies = null!;
    private SecurityTokenService _service = null!;

    private static CallerIdentity Alice => CallerIdentity.ForUser(new IamUser("123456789012", "alice", "AIDAEXAMPLEALICE12345", []));

    // NUnit runs every test on one instance: the recorded checks must start empty each time.
    [SetUp]
    public void CreateService()
    {
        _policies = new FakeStsPolicyChecks();
        var reader = new IamRole("reader", "123456789012", "AROAEXAMPLEEXAMPLE12", [], new NamedPolicy("trust", "{}"), 7200);
        _service = new SecurityTokenService(new PrincipalDirectory([], [reader]), _sealer, _policies, new ManualTimeProvider(Now));
    }

    private string Handle(string form, CallerIdentity? caller = null) =>
        _service.Handle(new StsCall(StsForm.Parse(form), caller ?? Alice, StsXmlTests.RequestId, []));

    private StsError Refusal(string form, CallerIdentity? caller = null) =>
        Assert.Throws<StsException>(() => Handle(form, caller))!.Error;

    private static string AssumeRoleForm(string extra = "") =>
        $"Action=AssumeRole&Version=2011-06-15&RoleArn={Uri.EscapeDataString(RoleArn)}&RoleSessionName=s1{extra}";

    private SessionClaims Assume(string extra = "", CallerIdentity? caller = null)
    {
        var token = XElement.Parse(Handle(AssumeRoleForm(extra), caller)).Descendants(Sts + "SessionToken").Single().Value;
        Assert.That(_sealer.TryOpen(token, out var claims), Is.True);
        return claims!;
    }

    [Test]
    public void GetCallerIdentity_AnswersWithTheCaller() =>
        Assert.That(Handle("Action=GetCallerIdentity&Version=2011-06-15", CallerIdentity.ForRoot("123456789012")),
            Is.EqualTo(StsXmlTests.Golden("GetCallerIdentity.root.xml")));

    [Test]
    public void GetCallerIdentity_AsksNoPolicy()
    {
        _policies.Allow = _ => false;

        Handle("Action=GetCallerIdentity&Version=2011-06-15");

        Assert.That(_policies.Checks, Is.Empty);
    }

    [Test]
    public void Handle_WithoutAction_IsMissingAction() =>
        Assert.That(Refusal("Version=2011-06-15"), Is.EqualTo(StsErrors.MissingAction));

    [TestCase("Action=GetSessionToken&Version=2011-06-15", "Could not find operation GetSessionToken for version 2011-06-15")]
    [TestCase("Action=AssumeRole&Version=2000-01-01", "Could not find operation AssumeRole for version 2000-01-01")]
    [TestCase("Action=GetCallerIdentity", "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED")]
    public void Handle_AnUnknownActionOrVersion_IsInvalidAction(string form, string message) =>
        Assert.That(Refusal(form), Is.EqualTo(new StsError("InvalidAction", 400, message)));

    [Test]
    public void AssumeRole_MatchesTheGoldenAnswer_AndItsTokenSealsTheSameCredentials()
    {
        var xml = Handle(AssumeRoleForm("&DurationSeconds=1800&SourceIdentity=DevUser123&Tags.member.1.Key=Project&Tags.member.1.Value=Pegasus&Policy="
            + Uri.EscapeDataString(Policy)).Replace("RoleSessionName=s1", "RoleSessionName=TestAR", StringComparison.Ordinal));
        var credentials = XElement.Parse(xml).Descendants(Sts + "Credentials").Single();
        var accessKeyId = credentials.Element(Sts + "AccessKeyId")!.Value;
        var secret = credentials.Element(Sts + "SecretAccessKey")!.Value;
        var token = credentials.Element(Sts + "SessionToken")!.Value;

        Assert.That(xml, Is.EqualTo(StsXmlTests.Golden("AssumeRole.xml")
            .Replace("{AccessKeyId}", accessKeyId, StringComparison.Ordinal)
            .Replace("{SecretAccessKey}", secret, StringComparison.Ordinal)
            .Replace("{SessionToken}", token, StringComparison.Ordinal)));
        Assert.That(accessKeyId, Does.Match("^ASIA[A-Z2-7]{16}$"));
        Assert.That(_sealer.TryOpen(token, out var claims), Is.True);
        Assert.That(claims!.AccessKeyId, Is.EqualTo(accessKeyId));
        Assert.That(claims.SecretAccessKey, Is.EqualTo(secret));
        Assert.That(claims.SessionPolicy, Is.EqualTo(Policy));
        Assert.That(claims.Expiration, Is.EqualTo(Now.AddSeconds(1800)));
    }

    [Test]
    public void AssumeRole_WithoutDuration_LastsAnHour() =>
        Assert.That(Assume().Expiration, Is.EqualTo(Now.AddHours(1)));

    [Test]
    public void AssumeRole_ByTheRootUser_IsAccessDenied() =>
        Assert.That(Refusal(AssumeRoleForm(), CallerIdentity.ForRoot("123456789012")),
            Is.EqualTo(new StsError("AccessDenied", 403, "Roles may not be assumed by root accounts.")));

    [Test]
    public void AssumeRole_OfARoleThatDoesNotExist_IsTheSameAccessDeniedAsATrustRefusal() =>
        Assert.That(Refusal(AssumeRoleForm().Replace("reader", "nobody", StringComparison.Ordinal)), Is.EqualTo(StsErrors.NotAuthorized(
            "arn:aws:iam::123456789012:user/alice", "sts:AssumeRole", "arn:aws:iam::123456789012:role/nobody")));

    [Test]
    public void AssumeRole_WhenTheTrustPolicyRefuses_IsAccessDeniedNamingCallerAndRole()
    {
        _policies.Allow = _ => false;

        Assert.That(Refusal(AssumeRoleForm()), Is.EqualTo(new StsError("AccessDenied", 403,
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/reader")));
    }

    [Test]
    public void AssumeRole_TellsTheCallerEveryDecision_AndExplainsARefusalWhenAsked()
    {
        _policies.Allow = check => check.Action == "sts:AssumeRole";
        var decided = new List<string>();
        var call = new StsCall(StsForm.Parse(AssumeRoleForm("&SourceIdentity=DevUser123")), Alice, StsXmlTests.RequestId, [],
            (action, decision) => decided.Add($"{action}={decision.Effect}"), ExplainDenials: true);

        var error = Assert.Throws<StsException>(() => _service.Handle(call))!.Error;

        Assert.That(decided, Is.EqualTo(new[] { "sts:AssumeRole=Allow", "sts:SetSourceIdentity=ImplicitDeny" }));
        Assert.That(error.Message, Is.EqualTo("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:SetSourceIdentity on resource: "
            + RoleArn + " (no statement allows it in: trust)"));
    }

    [Test]
    public void AssumeRole_AsksTheTrustPolicyWithStsContextKeys()
    {
        Assume("&ExternalId=123ABC");

        var check = _policies.Checks.Single();
        Assert.That(check.Action, Is.EqualTo("sts:AssumeRole"));
        Assert.That(check.Role.Arn, Is.EqualTo(RoleArn));
        Assert.That(check.Caller, Is.EqualTo(Alice));
        Assert.That(_policies.ContextValue("sts:ExternalId"), Is.EqualTo(new[] { "123ABC" }));
        Assert.That(_policies.ContextValue("sts:RoleSessionName"), Is.EqualTo(new[] { "s1" }));
        Assert.That(_policies.ContextValue("aws:PrincipalArn"), Is.EqualTo(new[] { "arn:aws:iam::123456789012:user/alice" }));
        Assert.That(_policies.ContextValue("aws:username"), Is.EqualTo(new[] { "alice" }));
        Assert.That(_policies.ContextValue("aws:CurrentTime"), Is.EqualTo(new[] { "2026-01-01T12:00:00Z" }));
    }

    [Test]
    public void AssumeRole_WithTags_AlsoNeedsTagSession()
    {
        _policies.Allow = check => check.Action != "sts:TagSession";

        Assert.That(Refusal(AssumeRoleForm("&Tags.member.1.Key=Project&Tags.member.1.Value=Pegasus")).Message,
            Does.Contain("is not authorized to perform: sts:TagSession on resource: " + RoleArn));
        Assert.That(_policies.ContextValue("aws:TagKeys"), Is.EqualTo(new[] { "Project" }));
        Assert.That(_policies.ContextValue("aws:RequestTag/Project"), Is.EqualTo(new[] { "Pegasus" }));
    }

    [Test]
    public void AssumeRole_WithSourceIdentity_AlsoNeedsSetSourceIdentity()
    {
        _policies.Allow = check => check.Action != "sts:SetSourceIdentity";

        Assert.That(Refusal(AssumeRoleForm("&SourceIdentity=DevUser123")).Message, Does.Contain("sts:SetSourceIdentity"));
    }

    [Test]
    public void AssumeRole_LongerThanTheRolesMaximum_IsAValidationError() =>
        Assert.That(Refusal(AssumeRoleForm("&DurationSeconds=7201")),
            Is.EqualTo(StsErrors.ValidationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")));

    [Test]
    public void AssumeRole_ByASessionForMoreThanAnHour_IsTheRoleChainingLimit()
    {
        var session = CallerIdentity.ForSession(Claims(), []);

        Assert.That(Refusal(AssumeRoleForm("&DurationSeconds=3601"), session), Is.EqualTo(StsErrors.ValidationError(
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.")));
    }

    [Test]
    public void AssumeRole_ByASession_KeepsItsSourceIdentityAndTransitiveTags()
    {
        var session = CallerIdentity.ForSession(Claims(), []);

        var chained = Assume("&Tags.member.1.Key=Team&Tags.member.1.Value=Blue", session);

        Assert.That(chained.SourceIdentity, Is.EqualTo("DevUser"));
        Assert.That(chained.Tags, Is.EqualTo(new[] { KeyValuePair.Create("Project", "Pegasus"), KeyValuePair.Create("Team", "Blue") }));
        Assert.That(chained.TransitiveTagKeys, Is.EqualTo(new[] { "Project" }));
        Assert.That(_policies.ContextValue("aws:PrincipalArn"), Is.EqualTo(new[] { "arn:aws:iam::123456789012:role/reader" }));
    }

    [Test]
    public void AssumeRole_ByASession_CannotOverrideATransitiveTag() =>
        Assert.That(Refusal(AssumeRoleForm("&Tags.member.1.Key=project&Tags.member.1.Value=Other"), CallerIdentity.ForSession(Claims(), [])).Code,
            Is.EqualTo("InvalidParameterValue"));

    [Test]
    public void AssumeRole_ValidatesParametersBeforeAskingTheTrustPolicy()
    {
        _policies.Allow = _ => false;

        Assert.That(Refusal(AssumeRoleForm("&DurationSeconds=60")).Code, Is.EqualTo("ValidationError"));
        Assert.That(_policies.Checks, Is.Empty);
    }

    [Test]
    public void AssumeRole_WithAMalformedSessionPolicy_IsMalformedPolicyDocument() =>
        Assert.That(Refusal(AssumeRoleForm("&Policy=nope")).Code, Is.EqualTo("MalformedPolicyDocument"));

    [Test]
    public void AssumeRole_WithPolicyAndTagsOverThePackedBudget_IsPackedPolicyTooLarge()
    {
        var policy = Uri.EscapeDataString("{\"Sid\":\"" + new string('x', 1990) + "\"}");
        var tags = string.Concat(Enumerable.Range(1, 3).Select(i => $"&Tags.member.{i}.Key=k{i}{new string('k', 100)}&Tags.member.{i}.Value={new string('v', 200)}"));

        var error = Refusal(AssumeRoleForm($"&Policy={policy}{tags}"));

        Assert.That(error.Code, Is.EqualTo("PackedPolicyTooLarge"));
        Assert.That(error.Message, Does.Match(@"^Packed policy consumes 1\d\d% of allotted space$"));
    }

    [Test]
    public void AssumeRole_WithPolicyArns_IsRefusedRatherThanIgnored() =>
        Assert.That(Refusal(AssumeRoleForm("&PolicyArns.member.1.arn=arn:aws:iam::123456789012:policy/p1")).Code, Is.EqualTo("InvalidParameterValue"));
}
