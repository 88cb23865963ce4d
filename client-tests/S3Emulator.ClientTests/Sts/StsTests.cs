using System.Net;
using Amazon.Runtime;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;

namespace S3Emulator.ClientTests.Sts;

/// <summary>AWSSDK.SecurityToken against the emulator's STS: AssumeRole, GetCallerIdentity, and session credentials on S3.</summary>
public sealed class StsTests(Transport transport) : StsTestBase(transport)
{
    [Test]
    public async Task GetCallerIdentity_WithAUsersKeys_AnswersTheUser()
    {
        var identity = await StsClient(Alice).GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.That(identity.Arn, Is.EqualTo(AliceArn));
        Assert.That(identity.Account, Is.EqualTo(Account));
        Assert.That(identity.UserId, Does.Match("^AIDA[A-Z2-7]{17}$"));
        Assert.That(Emulator.Journal.Entries.Last().Operation, Is.EqualTo("sts:GetCallerIdentity"));
    }

    [Test]
    public async Task GetCallerIdentity_WithTheRootKey_AnswersTheAccount()
    {
        var identity = await StsClient(Root).GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.That((identity.Arn, identity.UserId), Is.EqualTo(("arn:aws:iam::123456789012:root", Account)));
    }

    [Test]
    public async Task AssumeRole_AllowedByTheTrustPolicy_ReturnsSessionCredentials()
    {
        var response = await StsClient(Alice).AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ReaderArn, RoleSessionName = "s1", DurationSeconds = 900 });

        Assert.That(response.AssumedRoleUser.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
        Assert.That(response.AssumedRoleUser.AssumedRoleId, Does.Match("^AROA[A-Z2-7]{17}:s1$"));
        Assert.That(response.Credentials.AccessKeyId, Does.Match("^ASIA[A-Z2-7]{16}$"));
        Assert.That(response.Credentials.SessionToken, Is.Not.Empty);
        Assert.That(response.Credentials.Expiration, Is.EqualTo(DateTime.UtcNow.AddSeconds(900)).Within(TimeSpan.FromSeconds(30)));
        Assert.That(Emulator.Journal.Entries.Last(e => e.Operation == "sts:AssumeRole").Decision?.Decision.IsAllowed, Is.True);
    }

    [Test]
    public async Task GetCallerIdentity_WithSessionCredentials_IsTheAssumedRole()
    {
        var session = await AssumeAsync();

        var identity = await StsClient(session).GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.That(identity.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
        Assert.That(identity.UserId, Does.Match("^AROA[A-Z2-7]{17}:s1$"));
        Assert.That(identity.Account, Is.EqualTo(Account));
    }

    [Test]
    public async Task S3_WithSessionCredentials_WorksAndIsJournaledAsTheSession()
    {
        var s3 = S3Client(await AssumeAsync(session: "uploader"));
        var bucket = $"sts-{Guid.NewGuid():N}";

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a.txt", ContentBody = "hello" });

        Assert.That(await GetTextAsync(bucket, "a.txt"), Is.EqualTo("hello"));
        Assert.That(Emulator.Journal.Entries.Single(e => e.Bucket == bucket && e.Operation == "PutObject").Principal,
            Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/uploader"));
    }

    [Test]
    public async Task S3_WithAForgedSessionToken_IsInvalidToken()
    {
        var session = await AssumeAsync();
        var forged = new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, "FQoGZXIvYXdzEPT//////////wEaDEXAMPLEforged");

        var error = await ExpectS3ErrorAsync(() => S3Client(forged).ListBucketsAsync());

        Assert.That((error.StatusCode, error.ErrorCode, error.Message),
            Is.EqualTo((HttpStatusCode.BadRequest, "InvalidToken", "The provided token is malformed or otherwise invalid.")));
    }

    [Test]
    public async Task S3_WithAnotherSessionsToken_IsInvalidToken()
    {
        var first = await AssumeAsync(session: "first");
        var second = await AssumeAsync(session: "second");

        var error = await ExpectS3ErrorAsync(() => S3Client(new SessionAWSCredentials(first.AccessKeyId, first.SecretAccessKey, second.SessionToken)).ListBucketsAsync());

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidToken"));
    }

    [Test]
    public async Task S3_AfterTheSessionExpires_IsExpiredToken()
    {
        var session = await AssumeAsync(durationSeconds: 900);
        Clock.Offset = TimeSpan.FromSeconds(901);

        var error = await ExpectS3ErrorAsync(() => S3Client(session).ListBucketsAsync());

        Assert.That((error.StatusCode, error.ErrorCode, error.Message),
            Is.EqualTo((HttpStatusCode.BadRequest, "ExpiredToken", "The provided token has expired.")));
    }

    [Test]
    public async Task Sts_AfterTheSessionExpires_IsExpiredToken403()
    {
        var session = await AssumeAsync(durationSeconds: 900);
        Clock.Offset = TimeSpan.FromSeconds(901);

        var error = await ExpectStsErrorAsync(() => StsClient(session).GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "ExpiredToken")));
    }

    [Test]
    public async Task Sts_WithAForgedToken_IsInvalidClientTokenId()
    {
        var forged = new SessionAWSCredentials("ASIAABCDEFGHIJKLMNOP", "secretsecretsecretsecretsecretsecret1234", "Zm9yZ2Vk");

        var error = await ExpectStsErrorAsync(() => StsClient(forged).GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "InvalidClientTokenId")));
    }

    [Test]
    public async Task AssumeRole_WhenTheTrustPolicyDoesNotNameTheCaller_IsAccessDenied()
    {
        var error = await ExpectStsErrorAsync(() => AssumeAsync(LockedArn));

        // AWS's sentence, then (ExplainDenials, on in the fixture) which policies were asked.
        Assert.That((error.StatusCode, error.ErrorCode, error.Message), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied",
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/locked"
            + " (no statement allows it in: trust policy of locked)")));
        var decision = Emulator.Journal.Entries.Last(e => e.Operation == "sts:AssumeRole").Decision!;
        Assert.That((decision.Action, decision.Decision.IsAllowed), Is.EqualTo(("sts:AssumeRole", false)));
    }

    [Test]
    public async Task AssumeRole_WithTheExternalIdTheTrustPolicyAsksFor_Succeeds_AndWithoutIt_IsAccessDenied()
    {
        var sts = StsClient(Alice);

        var allowed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = PartnerArn, RoleSessionName = "p1", ExternalId = "123ABC" });
        var refused = await ExpectStsErrorAsync(() => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = PartnerArn, RoleSessionName = "p1" }));

        Assert.That(allowed.AssumedRoleUser.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/partner/p1"));
        Assert.That(refused.ErrorCode, Is.EqualTo("AccessDenied"));
    }

    [Test]
    public async Task AssumeRole_AcrossAccounts_NeedsTheTrustPolicyAndTheCallersOwnPolicy()
    {
        var request = new AssumeRoleRequest { RoleArn = SharedArn, RoleSessionName = "visitor" };

        var bobs = await StsClient(Bob).AssumeRoleAsync(request);
        var carols = await ExpectStsErrorAsync(() => StsClient(Carol).AssumeRoleAsync(request));

        Assert.That(bobs.AssumedRoleUser.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/shared/visitor"));
        Assert.That(carols.Message, Does.StartWith(
            "User: arn:aws:iam::210987654321:user/carol is not authorized to perform: sts:AssumeRole on resource: " + SharedArn + " ("));
    }

    [Test]
    public async Task AssumeRole_ByTheRootUser_IsAccessDenied()
    {
        var error = await ExpectStsErrorAsync(() => StsClient(Root).AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ReaderArn, RoleSessionName = "s1" }));

        Assert.That((error.ErrorCode, error.Message), Is.EqualTo(("AccessDenied", "Roles may not be assumed by root accounts.")));
    }

    [Test]
    public async Task AssumeRole_WithAOneCharacterSessionName_IsAValidationError()
    {
        var error = await ExpectStsErrorAsync(() => AssumeAsync(session: "s"));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "ValidationError")));
        Assert.That(error.Message, Does.Contain("at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"));
    }

    [Test]
    public async Task AssumeRole_WithAMalformedSessionPolicy_IsMalformedPolicyDocument()
    {
        var request = new AssumeRoleRequest { RoleArn = ReaderArn, RoleSessionName = "s1", Policy = "not json" };

        var error = await ExpectStsErrorAsync(() => StsClient(Alice).AssumeRoleAsync(request));

        Assert.That(error, Is.InstanceOf<MalformedPolicyDocumentException>());
        Assert.That(error.ErrorCode, Is.EqualTo("MalformedPolicyDocument"));
    }

    [Test]
    public async Task SessionSecretsAndTokens_NeverReachTheJournalOrTheLogs()
    {
        var session = await AssumeAsync(session: "secretive");
        await StsClient(session).GetCallerIdentityAsync(new GetCallerIdentityRequest());
        await ExpectS3ErrorAsync(() => S3Client(new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken + "x")).ListBucketsAsync());

        var journal = string.Join("\n", Emulator.Journal.Entries.Select(e => e.ToString()));
        foreach (var secret in new[] { session.SecretAccessKey, session.SessionToken, AliceSecret })
        {
            Assert.That(journal, Does.Not.Contain(secret));
            Assert.That(Logs.All, Does.Not.Contain(secret));
        }
    }
}
