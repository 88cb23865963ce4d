using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

public sealed class BucketEncryptionTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task GetBucketEncryption_OnANewBucket_ShowsSseS3WithSseCBlocked()
    {
        var bucket = await CreateBucketAsync();

        var response = await S3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket });

        var rule = response.ServerSideEncryptionConfiguration.ServerSideEncryptionRules.Single();
        Assert.That(rule.ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(rule.BucketKeyEnabled, Is.False);
        Assert.That(rule.BlockedEncryptionTypes.EncryptionType, Is.EqualTo(new[] { "SSE-C" }));
    }

    [Test]
    public async Task PutBucketEncryption_WithKmsAndBucketKey_IsReturnedByGet()
    {
        var bucket = await CreateBucketAsync();

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
                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = "alias/bucket-default",
                        },
                        BucketKeyEnabled = true,
                        BlockedEncryptionTypes = new BlockedEncryptionTypes { EncryptionType = ["NONE"] },
                    },
                ],
            },
        });
        var response = await S3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket });

        var rule = response.ServerSideEncryptionConfiguration.ServerSideEncryptionRules.Single();
        Assert.That(rule.ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(rule.ServerSideEncryptionByDefault.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo("alias/bucket-default"));
        Assert.That(rule.BucketKeyEnabled, Is.True);
        Assert.That(rule.BlockedEncryptionTypes?.EncryptionType ?? [], Is.Empty);
    }

    [Test]
    public async Task PutBucketEncryption_WithKeyIdForAes256_ReturnsInvalidArgument()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
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
                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256,
                            ServerSideEncryptionKeyManagementServiceKeyId = "alias/x",
                        },
                    },
                ],
            },
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task DeleteBucketEncryption_ReturnsToTheDefault()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS },
                    },
                ],
            },
        });

        var deleted = await S3.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { BucketName = bucket });
        var response = await S3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket });

        Assert.That(deleted.HttpStatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.ServerSideEncryptionConfiguration.ServerSideEncryptionRules.Single().ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm,
            Is.EqualTo(ServerSideEncryptionMethod.AES256));
    }

    [Test]
    public async Task GetBucketEncryption_OnMissingBucket_ReturnsNoSuchBucket()
    {
        // AWSSDK.S3 4.1 hands back a 404 from GetBucketEncryption as a response, not an exception.
        var response = await S3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = "no-such-bucket-enc" });

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Emulator.Journal.Entries.Last(e => e.Bucket == "no-such-bucket-enc").ErrorCode, Is.EqualTo("NoSuchBucket"));
    }
}
