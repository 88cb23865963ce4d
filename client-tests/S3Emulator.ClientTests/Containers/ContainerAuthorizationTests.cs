using Amazon.Runtime;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.Server.Hosting;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// Authorization against an emulator in a container, configured only through the builder: an IAM user whose policy
/// allows some requests and explicitly denies others, a role assumed through the container's STS and used by its S3
/// client, and an access point given with <c>WithAccessPoints</c>, addressed by ARN and by alias.
/// </summary>
[Category("Docker")]
public sealed class ContainerAuthorizationTests : ContainerTestBase
{
    private const string Account = "123456789012";
    private const string Bucket = "shared";
    private const string AliceKey = "AKIAALICECONTAINER01";
    private const string AliceSecret = "aliceContainerSecretAliceContainerSecret";
    private const string ReaderRoleArn = $"arn:aws:iam::{Account}:role/reader";
    private const string AccessPointName = "reports-ap";

    private static AWSCredentials Alice => new BasicAWSCredentials(AliceKey, AliceSecret);

    protected override S3EmulatorBuilder Configure(S3EmulatorBuilder builder) => builder
        .WithInitialBuckets(Bucket)
        // The root key first: the container's own clients sign with it.
        .WithCredentials(S3CredentialOptions.DefaultAccessKeyId, S3CredentialOptions.DefaultSecretAccessKey)
        .WithCredentials(new S3CredentialOptions
        {
            AccessKeyId = AliceKey, SecretAccessKey = AliceSecret, UserName = "alice",
            Policies =
            [
                new PolicyOptions
                {
                    Name = "read-write-except-locked",
                    Document = $$"""
                        {"Version":"2012-10-17","Statement":[
                          {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::{{Bucket}}/*"},
                          {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::{{Bucket}}"},
                          {"Effect":"Deny","Action":"s3:PutObject","Resource":"arn:aws:s3:::{{Bucket}}/locked/*"},
                          {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{ReaderRoleArn}}"}]}
                        """,
                },
            ],
        })
        .WithRoles(new RoleOptions
        {
            Name = "reader",
            TrustPolicy = new PolicyOptions
            {
                Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:user/alice"},"Action":"sts:AssumeRole"}]}""",
            },
            Policies = [new PolicyOptions { Name = "read", Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{Bucket}}/*"}]}""" }],
        })
        .WithAccessPoints(new AccessPointOptions { Name = AccessPointName, Bucket = Bucket });

    [OneTimeSetUp]
    public async Task PutTheSharedObjectAsync() =>
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "reports/q1.txt", ContentBody = "quarter one" });

    [Test]
    public async Task User_WhosePolicyAllowsGetObject_ReadsTheObject()
    {
        using var alice = Container.CreateS3Client(Alice);

        using var get = await alice.GetObjectAsync(Bucket, "reports/q1.txt");

        Assert.That(await ReadTextAsync(get), Is.EqualTo("quarter one"));
    }

    [Test]
    public async Task User_WhosePolicyAllowsPutObject_WritesOutsideTheDeniedPrefix()
    {
        using var alice = Container.CreateS3Client(Alice);

        await alice.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "drafts/a.txt", ContentBody = "draft" });
        using var get = await S3.GetObjectAsync(Bucket, "drafts/a.txt");

        Assert.That(await ReadTextAsync(get), Is.EqualTo("draft"));
    }

    [Test]
    public async Task User_UnderAnExplicitDeny_IsAccessDenied_AndNothingIsWritten()
    {
        using var alice = Container.CreateS3Client(Alice);

        var error = await ExpectS3ErrorAsync(() => alice.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "locked/x", ContentBody = "no" }));
        var missing = await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(Bucket, "locked/x"));

        Assert.That(error.ErrorCode, Is.EqualTo("AccessDenied"));
        Assert.That((int)missing.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task User_WithoutAnAllowingStatement_IsAccessDenied()
    {
        using var alice = Container.CreateS3Client(Alice);

        var error = await ExpectS3ErrorAsync(() => alice.PutBucketAsync(new PutBucketRequest { BucketName = $"alice-{Guid.NewGuid():N}" }));

        Assert.That(error.ErrorCode, Is.EqualTo("AccessDenied"));
    }

    [Test]
    public async Task AssumedRoleSession_FromTheContainersSts_ReadsButCannotWrite()
    {
        using var sts = Container.CreateStsClient(Alice);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ReaderRoleArn, RoleSessionName = "container-test" });
        var session = new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
        using var reader = Container.CreateS3Client(session);

        using var get = await reader.GetObjectAsync(Bucket, "reports/q1.txt");
        var put = await ExpectS3ErrorAsync(() => reader.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "reports/q2.txt", ContentBody = "no" }));

        Assert.That(assumed.AssumedRoleUser.Arn, Is.EqualTo($"arn:aws:sts::{Account}:assumed-role/reader/container-test"));
        Assert.That(await ReadTextAsync(get), Is.EqualTo("quarter one"));
        Assert.That(put.ErrorCode, Is.EqualTo("AccessDenied"));
    }

    [Test]
    public async Task CallerIdentity_OfTheUser_IsTheUsersArn()
    {
        using var sts = Container.CreateStsClient(Alice);

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.That(identity.Arn, Is.EqualTo($"arn:aws:iam::{Account}:user/alice"));
    }

    [Test]
    public async Task AccessPoint_GivenToTheBuilder_ServesTheBucketByArn()
    {
        // The SDK builds {name}-{account}.s3-accesspoint.{region}.localhost from the ARN; the client reaches the container.
        using var virtualHosted = Container.CreateS3Client(c => c.ForcePathStyle = false);
        var arn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{AccessPointName}";

        using var get = await virtualHosted.GetObjectAsync(arn, "reports/q1.txt");
        var list = await virtualHosted.ListObjectsV2Async(new ListObjectsV2Request { BucketName = arn, Prefix = "reports/" });

        Assert.That(await ReadTextAsync(get), Is.EqualTo("quarter one"));
        Assert.That(list.S3Objects.Select(o => o.Key), Does.Contain("reports/q1.txt"));
    }

    [Test]
    public async Task AccessPoint_GivenToTheBuilder_ServesTheBucketByAlias()
    {
        // The scenario view of this fixture's container, for the S3 Control client: not disposed here, the fixture owns it.
        using var control = new S3ControlTestClient(ScenarioEmulator.InContainer(Container), Account, Container.DefaultCredentials.GetCredentials());
        var alias = (await control.GetAccessPointAsync(AccessPointName)).Value("Alias")!;

        using var get = await S3.GetObjectAsync(alias, "reports/q1.txt");

        Assert.That(alias, Does.StartWith(AccessPointName + "-").And.EndWith("-s3alias"));
        Assert.That(await ReadTextAsync(get), Is.EqualTo("quarter one"));
    }
}
