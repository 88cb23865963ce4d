using System.Security.Cryptography;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>
/// Shared ground for the SSE-S3, SSE-KMS and SSE-C object tests: a KMS client on the same emulator,
/// fresh KMS keys, SSE-C keys and the MD5 an SSE-S3 ETag must equal.
/// </summary>
public abstract class SseKmsTestBase(Transport transport) : EmulatorTestBase(transport)
{
    protected AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateKmsClient() => Kms = Emulator.CreateKmsClient();

    [OneTimeTearDown]
    public void DisposeKmsClient() => Kms?.Dispose();

    /// <summary>The full ARN S3 must report for <paramref name="keyId"/>: arn:aws:kms:us-east-1:123456789012:key/….</summary>
    protected string KeyArn(string keyId) => $"arn:aws:kms:{Emulator.Options.Region}:{Emulator.Options.AccountId}:key/{keyId}";

    protected async Task<KeyMetadata> CreateKeyAsync() =>
        (await Kms.CreateKeyAsync(new CreateKeyRequest { Description = "sse-kms client test" })).KeyMetadata;

    protected static string Md5Hex(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    protected static string Unquoted(string etag) => etag.Trim('"');

    protected static string NewBody() => $"payload {Guid.NewGuid():N} " + new string('x', 300);

    protected Task<PutObjectResponse> PutKmsAsync(string bucket, string key, string body, string? keyId = null) =>
        S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = key, ContentBody = body,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = keyId,
        });

    protected Task<GetObjectMetadataResponse> HeadAsync(string bucket, string key) =>
        S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key });

    protected static async Task<string> ReadAsync(GetObjectResponse response)
    {
        using (response)
        {
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync();
        }
    }

    /// <summary>Lets SSE-C writes into <paramref name="bucket"/> (new buckets block SSE-C, as AWS does since April 2026).</summary>
    protected async Task AllowSseCAsync(string bucket) =>
        await S3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 },
                        BlockedEncryptionTypes = new BlockedEncryptionTypes { EncryptionType = ["NONE"] },
                    },
                ],
            },
        });

    protected async Task SetBucketDefaultAsync(string bucket, ServerSideEncryptionMethod algorithm, string? keyId = null, bool? bucketKey = null) =>
        await S3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                        {
                            ServerSideEncryptionAlgorithm = algorithm,
                            ServerSideEncryptionKeyManagementServiceKeyId = keyId,
                        },
                        BucketKeyEnabled = bucketKey,
                    },
                ],
            },
        });

    /// <summary>A random SSE-C key: base64 of 32 bytes, and base64 of their MD5.</summary>
    protected sealed record SseCKey(string Key, string KeyMd5)
    {
        public static SseCKey New()
        {
            var raw = RandomNumberGenerator.GetBytes(32);
            return new SseCKey(Convert.ToBase64String(raw), Convert.ToBase64String(MD5.HashData(raw)));
        }
    }
}
