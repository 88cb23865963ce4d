using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Policies;

/// <summary>
/// ACLs under Object Ownership (public-access.md §4, §5): refused as S3 refuses them while ACLs are disabled (the
/// default); where ownership enables them, Block Public Access applies and real grants answer NotImplemented.
/// </summary>
public sealed class AclTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task GetBucketAcl_AnswersTheOwnersFullControlGrant()
    {
        var bucket = await CreateBucketAsync();
        var owner = (await S3.ListBucketsAsync()).Owner.Id;

        var acl = await S3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket });

        Assert.That(owner, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(acl.Owner.Id, Is.EqualTo(owner));
        var grant = acl.Grants.Single();
        Assert.That((grant.Grantee.Type, grant.Grantee.CanonicalUser, grant.Permission), Is.EqualTo((GranteeType.CanonicalUser, owner, S3Permission.FULL_CONTROL)));
    }

    [Test]
    public async Task GetObjectAcl_AnswersTheBucketOwnersFullControlGrant()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "key", "content");
        var owner = (await S3.ListBucketsAsync()).Owner.Id;

        var acl = await S3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = "key" });

        Assert.That(acl.Owner.Id, Is.EqualTo(owner));
        Assert.That(acl.Grants.Select(g => (g.Grantee.CanonicalUser, g.Permission)), Is.EqualTo(new[] { (owner, S3Permission.FULL_CONTROL) }));
    }

    [Test]
    public async Task GetObjectAcl_OfAMissingKey_ReturnsNoSuchKey()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = "missing" }));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task PutObject_WithAPublicAcl_OnANewBucket_ReturnsAccessControlListNotSupported()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "key", ContentBody = "content", CannedACL = S3CannedACL.PublicRead,
        }));

        AssertAclsNotSupported(error);
        await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(bucket, "key"));
    }

    [Test]
    public async Task PutObject_WithBucketOwnerFullControl_OnANewBucket_IsStored()
    {
        var bucket = await CreateBucketAsync();

        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "key", ContentBody = "content", CannedACL = S3CannedACL.BucketOwnerFullControl,
        });

        Assert.That(await GetTextAsync(bucket, "key"), Is.EqualTo("content"));
    }

    [Test]
    public async Task PutObject_WithAGrantHeader_OnANewBucket_ReturnsAccessControlListNotSupported()
    {
        var bucket = await CreateBucketAsync();
        var request = new PutObjectRequest { BucketName = bucket, Key = "key", ContentBody = "content" };
        request.Headers["x-amz-grant-read"] = "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"";

        AssertAclsNotSupported(await ExpectS3ErrorAsync(() => S3.PutObjectAsync(request)));
    }

    [Test]
    public async Task CopyObject_WithAnAcl_OnANewBucket_ReturnsAccessControlListNotSupported()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "source", "content");

        var error = await ExpectS3ErrorAsync(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "source", DestinationBucket = bucket, DestinationKey = "copy", CannedACL = S3CannedACL.AuthenticatedRead,
        }));

        AssertAclsNotSupported(error);
    }

    [Test]
    public async Task CreateMultipartUpload_WithAnAcl_OnANewBucket_ReturnsAccessControlListNotSupported()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket, Key = "key", CannedACL = S3CannedACL.Private,
        }));

        AssertAclsNotSupported(error);
    }

    [Test]
    public async Task PutBucketAcl_WithAPublicAcl_OnANewBucket_ReturnsAccessControlListNotSupported()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, ACL = S3CannedACL.PublicRead }));

        AssertAclsNotSupported(error);
    }

    [Test]
    public async Task PutObjectAcl_WithBucketOwnerFullControl_OnANewBucket_Succeeds()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "key", "content");

        var response = await S3.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = "key", ACL = S3CannedACL.BucketOwnerFullControl });

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PutObjectAcl_WithPrivate_OnANewBucket_ReturnsAccessControlListNotSupported()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "key", "content");

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = "key", ACL = S3CannedACL.Private }));

        AssertAclsNotSupported(error);
    }

    [Test]
    public async Task PutObject_WithAPublicAcl_WhereAclsAreEnabled_IsRefusedByBlockPublicAcls()
    {
        var bucket = await CreateBucketWithAclsEnabledAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "key", ContentBody = "content", CannedACL = S3CannedACL.PublicRead,
        }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
        Assert.That(error.Message, Does.EndWith(
            $"s3:PutObject on resource: \"arn:aws:s3:::{bucket}/key\" because public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access."));
    }

    [Test]
    public async Task PutObject_WithAPublicAcl_WhereAclsAreEnabledAndNotBlocked_AnswersNotImplemented()
    {
        var bucket = await CreateBucketWithAclsEnabledAsync();
        await S3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = bucket });

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "key", ContentBody = "content", CannedACL = S3CannedACL.PublicRead,
        }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.NotImplemented, "NotImplemented")));
    }

    [Test]
    public async Task PutObject_WithAPrivateAcl_WhereAclsAreEnabled_IsStored()
    {
        var bucket = await CreateBucketWithAclsEnabledAsync();

        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "key", ContentBody = "content", CannedACL = S3CannedACL.Private });

        Assert.That(await GetTextAsync(bucket, "key"), Is.EqualTo("content"));
    }

    private async Task<string> CreateBucketWithAclsEnabledAsync()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutBucketOwnershipControlsAsync(new PutBucketOwnershipControlsRequest
        {
            BucketName = bucket,
            OwnershipControls = new OwnershipControls { Rules = [new OwnershipControlsRule { ObjectOwnership = ObjectOwnership.ObjectWriter }] },
        });
        return bucket;
    }

    private static void AssertAclsNotSupported(AmazonS3Exception error) =>
        Assert.That(
            (error.StatusCode, error.ErrorCode, error.Message),
            Is.EqualTo((HttpStatusCode.BadRequest, "AccessControlListNotSupported", "The bucket does not allow ACLs")));
}
