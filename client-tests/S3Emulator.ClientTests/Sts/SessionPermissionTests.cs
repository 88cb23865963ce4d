using System.Net;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;

namespace S3Emulator.ClientTests.Sts;

/// <summary>What a session may do on S3: the role's identity policies, cut down by the session policy.</summary>
public sealed class SessionPermissionTests(Transport transport) : StsTestBase(transport)
{
    private const string ScopedArn = "arn:aws:iam::123456789012:role/scoped";

    protected override void ConfigureEmulator(Server.Hosting.S3EmulatorOptions options)
    {
        base.ConfigureEmulator(options);
        options.Roles.Add(new()
        {
            Name = "scoped",
            TrustPolicy = new() { Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{AliceArn}}"},"Action":"sts:AssumeRole"}]}""" },
            Policies = [new() { Name = "home-only", Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::*/home/*"}]}""" }],
        });
    }

    [Test]
    public async Task ARoleScopedToAPrefix_ReadsAndWritesInsideIt_AndIsDeniedOutside()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "other/a.txt", "not yours");
        var s3 = S3Client(await AssumeAsync(ScopedArn));

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "home/a.txt", ContentBody = "mine" });
        var denied = await ExpectS3ErrorAsync(() => s3.GetObjectAsync(bucket, "other/a.txt"));

        Assert.That(await GetTextAsync(bucket, "home/a.txt"), Is.EqualTo("mine"));
        Assert.That((denied.StatusCode, denied.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
        Assert.That(denied.Message, Does.StartWith("User: arn:aws:sts::123456789012:assumed-role/scoped/s1 is not authorized to perform: s3:GetObject"));
    }

    [Test]
    public async Task ASessionPolicy_CutsTheRolesPermissionsDown()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "a.txt", "hello");
        var response = await StsClient(Alice).AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = ReaderArn,
            RoleSessionName = "read-only",
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""",
        });
        var s3 = S3Client(response.Credentials);

        using var read = await s3.GetObjectAsync(bucket, "a.txt");
        var denied = await ExpectS3ErrorAsync(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "b.txt", ContentBody = "no" }));

        Assert.That(read.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(denied.ErrorCode, Is.EqualTo("AccessDenied"));
    }
}
