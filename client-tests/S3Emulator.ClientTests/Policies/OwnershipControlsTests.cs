using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Policies;

/// <summary>Object Ownership: Get/Put/DeleteBucketOwnershipControls and CreateBucket's ownership and ACL headers (public-access.md §4, §5).</summary>
public sealed class OwnershipControlsTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task GetBucketOwnershipControls_OfANewBucket_IsBucketOwnerEnforced()
    {
        var bucket = await CreateBucketAsync();

        Assert.That(await OwnershipAsync(bucket), Is.EqualTo(ObjectOwnership.BucketOwnerEnforced.Value));
    }

    [Test]
    public async Task PutBucketOwnershipControls_ChangesTheSetting()
    {
        var bucket = await CreateBucketAsync();

        await PutOwnershipAsync(bucket, ObjectOwnership.BucketOwnerPreferred);

        Assert.That(await OwnershipAsync(bucket), Is.EqualTo(ObjectOwnership.BucketOwnerPreferred.Value));
    }

    [Test]
    public async Task DeleteBucketOwnershipControls_LeavesNone_AndDeletingAgainSucceeds()
    {
        var bucket = await CreateBucketAsync();

        var first = await S3.DeleteBucketOwnershipControlsAsync(new DeleteBucketOwnershipControlsRequest { BucketName = bucket });
        var second = await S3.DeleteBucketOwnershipControlsAsync(new DeleteBucketOwnershipControlsRequest { BucketName = bucket });
        var error = await ExpectS3ErrorAsync(() => OwnershipAsync(bucket));

        Assert.That((first.HttpStatusCode, second.HttpStatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
        Assert.That(
            (error.StatusCode, error.ErrorCode, error.Message),
            Is.EqualTo((HttpStatusCode.NotFound, "OwnershipControlsNotFoundError", "The bucket ownership controls were not found")));
    }

    [Test]
    public async Task PutBucketOwnershipControls_WithAnUnknownValue_ReturnsMalformedXml()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => PutOwnershipAsync(bucket, ObjectOwnership.FindValue("RandomValue")));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "MalformedXML")));
    }

    [Test]
    public async Task CreateBucket_WithObjectOwnershipObjectWriter_StartsWithThatSetting()
    {
        var bucket = $"owned-{Guid.NewGuid():N}";

        await S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, ObjectOwnership = ObjectOwnership.ObjectWriter });

        Assert.That(await OwnershipAsync(bucket), Is.EqualTo(ObjectOwnership.ObjectWriter.Value));
    }

    [Test]
    public async Task CreateBucket_WithAnUnknownObjectOwnership_ReturnsInvalidArgument()
    {
        var bucket = $"owned-{Guid.NewGuid():N}";

        var error = await ExpectS3ErrorAsync(() =>
            S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, ObjectOwnership = ObjectOwnership.FindValue("RandomValue") }));

        Assert.That(
            (error.StatusCode, error.ErrorCode, error.Message),
            Is.EqualTo((HttpStatusCode.BadRequest, "InvalidArgument", "Invalid x-amz-object-ownership header: RandomValue")));
    }

    [Test]
    public async Task CreateBucket_WithAPublicAclAndTheDefaultOwnership_ReturnsInvalidBucketAclWithObjectOwnership()
    {
        var bucket = $"owned-{Guid.NewGuid():N}";

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, CannedACL = S3CannedACL.PublicRead }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidBucketAclWithObjectOwnership")));
        Assert.That((await S3.ListBucketsAsync()).Buckets?.Select(b => b.BucketName) ?? [], Does.Not.Contain(bucket));
    }

    [Test]
    public async Task CreateBucket_WithAPublicAclAndObjectWriter_ReturnsInvalidBucketAclWithBlockPublicAccessError()
    {
        var bucket = $"owned-{Guid.NewGuid():N}";

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketAsync(new PutBucketRequest
        {
            BucketName = bucket, ObjectOwnership = ObjectOwnership.ObjectWriter, CannedACL = S3CannedACL.PublicRead,
        }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidBucketAclWithBlockPublicAccessError")));
    }

    [Test]
    public async Task CreateBucket_WithAPrivateAcl_Succeeds()
    {
        var bucket = $"owned-{Guid.NewGuid():N}";

        await S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, CannedACL = S3CannedACL.Private });

        Assert.That(await OwnershipAsync(bucket), Is.EqualTo(ObjectOwnership.BucketOwnerEnforced.Value));
    }

    private async Task<string> OwnershipAsync(string bucket)
    {
        var response = await S3.GetBucketOwnershipControlsAsync(new GetBucketOwnershipControlsRequest { BucketName = bucket });
        return response.OwnershipControls.Rules.Single().ObjectOwnership.Value;
    }

    private Task PutOwnershipAsync(string bucket, ObjectOwnership ownership) =>
        S3.PutBucketOwnershipControlsAsync(new PutBucketOwnershipControlsRequest
        {
            BucketName = bucket,
            OwnershipControls = new OwnershipControls { Rules = [new OwnershipControlsRule { ObjectOwnership = ownership }] },
        });
}
