using S3Emulator.Core.Sts;

namespace S3Emulator.Core.Tests.Sts;

public sealed class AssumeRoleRequestTests
{
    private const string Role = "arn:aws:iam::123456789012:role/demo";

    private static StsError Refusal(string form)
    {
        var exception = Assert.Throws<StsException>(() => AssumeRoleRequest.From(StsForm.Parse(form)));
        return exception!.Error;
    }

    [Test]
    public void From_AFullRequestAsDotNetSendsIt_ReadsEveryParameter()
    {
        var request = AssumeRoleRequest.From(StsForm.Parse(
            "Action=AssumeRole&DurationSeconds=1800&ExternalId=123ABC&Policy=%7B%7D&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo"
            + "&RoleSessionName=s1&SourceIdentity=DevUser123&Tags.member.1.Key=Project&Tags.member.1.Value=Pegasus"
            + "&TransitiveTagKeys.member.1=Project&Version=2011-06-15"));

        Assert.That(request.RoleArn, Is.EqualTo(Role));
        Assert.That(request.RoleSessionName, Is.EqualTo("s1"));
        Assert.That(request.DurationSeconds, Is.EqualTo(1800));
        Assert.That(request.Policy, Is.EqualTo("{}"));
        Assert.That(request.ExternalId, Is.EqualTo("123ABC"));
        Assert.That(request.SourceIdentity, Is.EqualTo("DevUser123"));
        Assert.That(request.Tags, Is.EqualTo(new[] { KeyValuePair.Create("Project", "Pegasus") }));
        Assert.That(request.TransitiveTagKeys, Is.EqualTo(new[] { "Project" }));
        Assert.That(request.PolicyArns, Is.Empty);
    }

    [Test]
    public void From_ASessionNameWithAColon_IsAValidationErrorQuotingThePattern() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=Session1:2"), Is.EqualTo(StsErrors.ValidationError(
            @"1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*")));

    [Test]
    public void From_AOneCharacterSessionName_IsAValidationError() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s").Message,
            Is.EqualTo("1 validation error detected: Value 's' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"));

    [Test]
    public void From_A65CharacterSessionName_IsAValidationError() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName={new string('a', 65)}").Message,
            Does.EndWith("failed to satisfy constraint: Member must have length less than or equal to 64"));

    [Test]
    public void From_WithoutRoleArnOrSessionName_ReportsBothNullMembers() =>
        Assert.That(Refusal("Action=AssumeRole").Message, Is.EqualTo(
            "2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null"));

    [TestCase("86400", "Value '86400' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200")]
    [TestCase("899", "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")]
    public void From_ADurationOutsideTheModel_IsAValidationError(string duration, string violation) =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s1&DurationSeconds={duration}").Message,
            Is.EqualTo("1 validation error detected: " + violation));

    [Test]
    public void From_APolicyOver2048Characters_IsAValidationErrorOnPolicy()
    {
        var policy = "{\"a\":\"" + new string('x', 2100) + "\"}";

        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s1&Policy={policy}").Message,
            Does.StartWith("1 validation error detected: Value '{\"a\":\"xxx").And.EndWith("at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048"));
    }

    [Test]
    public void From_AShortRoleArn_IsAValidationError() =>
        Assert.That(Refusal("RoleArn=arn%3Aaws%3Aiam&RoleSessionName=s1").Message,
            Is.EqualTo("1 validation error detected: Value 'arn:aws:iam' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"));

    [Test]
    public void From_ARoleArnThatIsNoArn_IsAValidationErrorQuotingIt() =>
        Assert.That(Refusal("RoleArn=nothing-valid-in-here&RoleSessionName=s1"), Is.EqualTo(StsErrors.ValidationError("nothing-valid-in-here is invalid")));

    [Test]
    public void From_TagKeysDifferingOnlyInCase_IsInvalidParameterValue() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s1&Tags.member.1.Key=Project&Tags.member.1.Value=a&Tags.member.2.Key=project&Tags.member.2.Value=b"),
            Is.EqualTo(StsErrors.InvalidParameterValue("Duplicate tag keys found. Please note that Tag keys are case insensitive.")));

    [Test]
    public void From_ATransitiveKeyThatIsNotATag_IsInvalidParameterValue() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s1&TransitiveTagKeys.member.1=Project"),
            Is.EqualTo(StsErrors.InvalidParameterValue("The specified transitive tag key must be included in the requested tags.")));

    [Test]
    public void From_AnExternalIdWithASpace_IsAValidationError() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s1&ExternalId=a+b").Message,
            Does.EndWith(@"at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@:\/-]*"));

    [Test]
    public void From_ASourceIdentityStartingWithAws_IsAValidationError() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s1&SourceIdentity=aws:me").Code, Is.EqualTo("ValidationError"));

    [Test]
    public void From_ASessionNameWithATrailingNewline_IsAValidationError() =>
        Assert.That(Refusal($"RoleArn={Role}&RoleSessionName=s1%0A").Code, Is.EqualTo("ValidationError"));
}
