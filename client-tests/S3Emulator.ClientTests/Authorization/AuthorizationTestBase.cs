using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Authorization;

/// <summary>
/// An emulator with three callers besides the default account's root user: an IAM user of the same account with no
/// policies of its own, the root user of a second account, and anonymous clients. Each test makes its own bucket.
/// </summary>
public abstract class AuthorizationTestBase(Transport transport) : EmulatorTestBase(transport)
{
    protected const string OtherAccountId = "210987654321";
    private const string UserKey = "AKIAALICEEMULATOR001";
    private const string OtherAccountKey = "AKIAOTHERACCOUNT0001";
    private const string Secret = "test-secret-key-of-the-authorization-tests";

    protected AmazonS3Client Alice { get; private set; } = null!;
    protected AmazonS3Client OtherAccount { get; private set; } = null!;
    protected AmazonS3Client Anonymous { get; private set; } = null!;

    protected string AccountId => Emulator.Options.AccountId;
    protected string AliceArn => $"arn:aws:iam::{AccountId}:user/alice";

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        options.Credentials.Add(new() { AccessKeyId = S3CredentialOptions.DefaultAccessKeyId, SecretAccessKey = S3CredentialOptions.DefaultSecretAccessKey });
        options.Credentials.Add(new() { AccessKeyId = UserKey, SecretAccessKey = Secret, UserName = "alice" });
        options.Credentials.Add(new() { AccessKeyId = OtherAccountKey, SecretAccessKey = Secret, AccountId = OtherAccountId });
    }

    [OneTimeSetUp]
    public void CreateCallers()
    {
        Alice = Emulator.CreateS3Client(new BasicAWSCredentials(UserKey, Secret));
        OtherAccount = Emulator.CreateS3Client(new BasicAWSCredentials(OtherAccountKey, Secret));
        Anonymous = Emulator.CreateS3Client(new AnonymousAWSCredentials());
    }

    [OneTimeTearDown]
    public void DisposeCallers()
    {
        Alice?.Dispose();
        OtherAccount?.Dispose();
        Anonymous?.Dispose();
    }

    /// <summary>A bucket holding <c>doc.txt</c>, with <paramref name="policy"/> (<c>{bucket}</c> stands for its name).</summary>
    protected async Task<string> BucketWithPolicyAsync(string policy, bool allowPublicPolicies = false)
    {
        var bucket = await CreateBucketAsync("authz");
        await PutTextAsync(bucket, "doc.txt", "hello");
        if (allowPublicPolicies) await S3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = bucket });
        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy.Replace("{bucket}", bucket, StringComparison.Ordinal) });
        return bucket;
    }

    protected static async Task<string> ReadAsync(AmazonS3Client client, string bucket, string key = "doc.txt")
    {
        using var response = await client.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    protected static async Task<AmazonS3Exception> ExpectAccessDeniedAsync(Func<Task> action)
    {
        var error = await ExpectS3ErrorAsync(action);
        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), error.Message);
        return error;
    }
}
