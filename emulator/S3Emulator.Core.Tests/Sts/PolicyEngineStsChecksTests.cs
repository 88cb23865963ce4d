using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;
using S3Emulator.Core.Sts;
using static S3Emulator.Core.Tests.Identity.IdentityTestData;

namespace S3Emulator.Core.Tests.Sts;

/// <summary>Trust policies decided by the policy engine, as ../shared/spec/sts.md §4 describes them.</summary>
public sealed class PolicyEngineStsChecksTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/reader";
    private const string AllowAssume = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::123456789012:role/reader"}]}""";

    private readonly PolicyEngineStsChecks _checks = new(new CallerGrants(PolicyDocument.Parse), PolicyDocument.Parse);

    private static IamRole Role(string principal, string condition = "") => new("reader", "123456789012", "AROAEXAMPLEEXAMPLE12", [],
        new NamedPolicy("trust", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}]}"""),
        3600);

    private static CallerIdentity User(string account = "123456789012", params NamedPolicy[] policies) =>
        CallerIdentity.ForUser(new IamUser(account, "alice", "AIDAEXAMPLEALICE12345", policies));

    private bool Allows(CallerIdentity caller, IamRole role, params (string Key, string Value)[] context) =>
        _checks.Decide(new RoleAccessCheck(caller, role, "sts:AssumeRole",
            [.. context.Select(c => KeyValuePair.Create(c.Key, (IReadOnlyList<string>)[c.Value]))])).IsAllowed;

    [Test]
    public void ATrustPolicyNamingTheUser_AllowsIt_WithoutAnIdentityPolicy() =>
        Assert.That(Allows(User(), Role("""{"AWS":"arn:aws:iam::123456789012:user/alice"}""")), Is.True);

    [Test]
    public void ATrustPolicyNamingAnotherUser_DoesNotAllow() =>
        Assert.That(Allows(User(), Role("""{"AWS":"arn:aws:iam::123456789012:user/bob"}""")), Is.False);

    [Test]
    public void ATrustPolicyNamingOnlyTheAccount_NeedsAnIdentityPolicyToo()
    {
        var role = Role("""{"AWS":"123456789012"}""");

        Assert.That(Allows(User(), role), Is.False);
        Assert.That(Allows(User(policies: new NamedPolicy("assume", AllowAssume)), role), Is.True);
    }

    [Test]
    public void AcrossAccounts_BothTheTrustPolicyAndTheCallersPolicyMustAllow()
    {
        var role = Role("""{"AWS":"arn:aws:iam::210987654321:root"}""");

        Assert.That(Allows(User("210987654321"), role), Is.False);
        Assert.That(Allows(User("210987654321", new NamedPolicy("assume", AllowAssume)), role), Is.True);
    }

    [Test]
    public void ATrustPolicyNamingTheRoleOfASession_AllowsThatSession()
    {
        var session = CallerIdentity.ForSession(Claims() with { RoleArn = "arn:aws:iam::123456789012:role/chain", RoleName = "chain" }, []);

        Assert.That(Allows(session, Role("""{"AWS":"arn:aws:iam::123456789012:role/chain"}""")), Is.True);
    }

    [Test]
    public void AnExternalIdCondition_AllowsOnlyTheMatchingExternalId()
    {
        var role = Role("""{"AWS":"arn:aws:iam::123456789012:user/alice"}""", ""","Condition":{"StringEquals":{"sts:ExternalId":"123ABC"}}""");

        Assert.That(Allows(User(), role, ("sts:ExternalId", "123ABC")), Is.True);
        Assert.That(Allows(User(), role, ("sts:ExternalId", "other")), Is.False);
        Assert.That(Allows(User(), role), Is.False);
    }

    [Test]
    public void AnExplicitDenyInTheCallersPolicy_Wins()
    {
        var deny = new NamedPolicy("deny", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:*","Resource":"*"}]}""");

        Assert.That(Allows(User(policies: deny), Role("""{"AWS":"arn:aws:iam::123456789012:user/alice"}""")), Is.False);
    }

    [Test]
    public void ValidateSessionPolicy_WithAPrincipal_IsMalformedPolicyDocument()
    {
        var error = Assert.Throws<StsException>(() => _checks.ValidateSessionPolicy(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"""))!.Error;

        Assert.That(error.Code, Is.EqualTo("MalformedPolicyDocument"));
    }

    [Test]
    public void ValidateSessionPolicy_NotJson_IsMalformedPolicyDocument() =>
        Assert.That(Assert.Throws<StsException>(() => _checks.ValidateSessionPolicy("not json"))!.Error.Code, Is.EqualTo("MalformedPolicyDocument"));

    [Test]
    public void CallerGrants_OfASession_AreTheRolesPoliciesAndTheSessionPolicy()
    {
        var rolePolicy = new NamedPolicy("s3-all", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");
        var session = CallerIdentity.ForSession(Claims(policy: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""), [rolePolicy]);

        var grants = new CallerGrants(PolicyDocument.Parse).Of(session);

        Assert.That(grants.Select(g => (g.Kind, g.Name)), Is.EqualTo(new[] { (PolicyKind.Identity, "s3-all"), (PolicyKind.Session, "session policy") }));
        Assert.That(CallerGrants.Principal(session).MatchingArns, Does.Contain("arn:aws:iam::123456789012:role/reader"));
    }
}
