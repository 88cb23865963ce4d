using System.Net;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Policies;

/// <summary>Bucket-level Put/Get/DeletePublicAccessBlock through AWSSDK.S3 (public-access.md §1, §2).</summary>
public sealed class PublicAccessBlockTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task GetPublicAccessBlock_OfANewBucket_HasAllFourSettingsOn()
    {
        var bucket = await CreateBucketAsync();

        var configuration = (await S3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket })).PublicAccessBlockConfiguration;

        Assert.That(
            (configuration.BlockPublicAcls, configuration.IgnorePublicAcls, configuration.BlockPublicPolicy, configuration.RestrictPublicBuckets),
            Is.EqualTo((true, true, true, true)));
    }

    [Test]
    public async Task PutPublicAccessBlock_StoresTheSettings_WithOmittedOnesReadingFalse()
    {
        var bucket = await CreateBucketAsync();

        await S3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = false, IgnorePublicAcls = true },
        });
        var configuration = (await S3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket })).PublicAccessBlockConfiguration;

        Assert.That(
            (configuration.BlockPublicAcls, configuration.IgnorePublicAcls, configuration.BlockPublicPolicy, configuration.RestrictPublicBuckets),
            Is.EqualTo((false, true, false, false)));
    }

    [Test]
    public async Task DeletePublicAccessBlock_LeavesNone_AndDeletingAgainSucceeds()
    {
        var bucket = await CreateBucketAsync();

        var first = await S3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = bucket });
        var second = await S3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = bucket });
        var error = await ExpectS3ErrorAsync(() => S3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket }));

        Assert.That((first.HttpStatusCode, second.HttpStatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
        Assert.That(
            (error.StatusCode, error.ErrorCode, error.Message),
            Is.EqualTo((HttpStatusCode.NotFound, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")));
    }

    [Test]
    public async Task PutBucketPolicy_ThatIsPublic_AfterDeletingThePublicAccessBlock_IsStored()
    {
        var bucket = await CreateBucketAsync();
        await S3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = bucket });
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";

        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy });

        Assert.That((await S3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket })).Policy, Is.EqualTo(policy));
    }
}
