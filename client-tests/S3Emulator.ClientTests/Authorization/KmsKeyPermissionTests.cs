using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Authorization;

/// <summary>
/// SSE-KMS needs the key's permission besides S3's: kms:GenerateDataKey to write, kms:Decrypt to read, granted by
/// identity policies (keys carry the default key policy, which delegates to IAM).
/// </summary>
public sealed class KmsKeyPermissionTests(Transport transport) : AuthorizationTestBase(transport)
{
    private const string S3OnlyKey = "AKIAS3ONLYEMULATOR01";
    private const string WithKmsKey = "AKIAWITHKMSEMULATOR1";
    private const string Secret = "kms-permission-tests-secret";

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        base.ConfigureEmulator(options);
        const string s3 = """{"Sid":"S3","Effect":"Allow","Action":"s3:*","Resource":"*"}""";
        options.Credentials.Add(new() { AccessKeyId = S3OnlyKey, SecretAccessKey = Secret, UserName = "s3-only",
            Policies = [new() { Name = "s3-only", Document = $$"""{"Version":"2012-10-17","Statement":[{{s3}}]}""" }] });
        options.Credentials.Add(new() { AccessKeyId = WithKmsKey, SecretAccessKey = Secret, UserName = "with-kms",
            Policies = [new() { Name = "s3-and-kms", Document = $$"""{"Version":"2012-10-17","Statement":[{{s3}},{"Sid":"Kms","Effect":"Allow","Action":["kms:GenerateDataKey","kms:Decrypt"],"Resource":"*"}]}""" }] });
    }

    [Test]
    public async Task SseKmsPut_NeedsGenerateDataKey_AndGetNeedsDecrypt()
    {
        var bucket = await CreateBucketAsync("authz");
        using var s3Only = Emulator.CreateS3Client(new BasicAWSCredentials(S3OnlyKey, Secret));
        using var withKms = Emulator.CreateS3Client(new BasicAWSCredentials(WithKmsKey, Secret));
        PutObjectRequest Put(string key) => new()
        {
            BucketName = bucket, Key = key, ContentBody = "secret", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
        };

        var putDenied = await ExpectAccessDeniedAsync(() => s3Only.PutObjectAsync(Put("denied")));
        await withKms.PutObjectAsync(Put("doc.txt"));
        var getDenied = await ExpectAccessDeniedAsync(() => ReadAsync(s3Only, bucket));

        Assert.That(putDenied.Message, Does.Contain("is not authorized to perform: kms:GenerateDataKey on resource: \"arn:aws:kms:"));
        Assert.That(getDenied.Message, Does.Contain("kms:Decrypt").And.Contain("because no identity-based policy allows the kms:Decrypt action"));
        Assert.That(await ReadAsync(withKms, bucket), Is.EqualTo("secret"));
        Assert.That(await ReadAsync(S3, bucket), Is.EqualTo("secret"), "the account's root user may use the account's keys");
        // The plain (SSE-S3) write needs no KMS permission.
        await s3Only.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "plain", ContentBody = "x" });
    }
}
