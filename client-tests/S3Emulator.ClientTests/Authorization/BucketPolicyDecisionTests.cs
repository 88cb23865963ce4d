using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Authorization;

/// <summary>
/// Bucket policies decide requests as AWS does (auth-and-policy.md §5, AWS's example bucket policies), and every
/// denial says why: AWS's sentence, and with ExplainDenials (on in the fixture) the deciding statement.
/// </summary>
public sealed class BucketPolicyDecisionTests(Transport transport) : AuthorizationTestBase(transport)
{
    [Test]
    public async Task AnonymousGet_OfAPublicReadBucket_Succeeds_AndOfAPrivateOneIsDenied()
    {
        var publicBucket = await BucketWithPolicyAsync("""
            {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/*"}]}
            """, allowPublicPolicies: true);
        var privateBucket = await CreateBucketAsync("authz");
        await PutTextAsync(privateBucket, "doc.txt", "hello");

        Assert.That(await ReadAsync(Anonymous, publicBucket), Is.EqualTo("hello"));
        var denied = await ExpectAccessDeniedAsync(() => ReadAsync(Anonymous, privateBucket));
        Assert.That(denied.Message, Does.StartWith("Access Denied"));
        // The grant is s3:GetObject only: listing the public bucket stays closed to anonymous callers.
        await ExpectAccessDeniedAsync(() => Anonymous.ListObjectsV2Async(new ListObjectsV2Request { BucketName = publicBucket }));
    }

    [Test]
    public async Task AnonymousGet_OfAPublicReadBucket_IsDeniedWhileRestrictPublicBucketsIsOn()
    {
        var bucket = await BucketWithPolicyAsync("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/*"}]}
            """, allowPublicPolicies: true);
        await S3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { RestrictPublicBuckets = true },
        });

        await ExpectAccessDeniedAsync(() => ReadAsync(Anonymous, bucket));
        Assert.That(await ReadAsync(S3, bucket), Is.EqualTo("hello"), "the owner's account is still let in");
    }

    [Test]
    public async Task Get_OverPlainHttp_IsDeniedByAnHttpsOnlyPolicy_AndServedOverHttps()
    {
        var bucket = await BucketWithPolicyAsync("""
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
              "Resource":["arn:aws:s3:::{bucket}","arn:aws:s3:::{bucket}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
            """);

        using var plain = Emulator.CreateS3Client(c => c.ServiceURL = (Emulator.HttpUrl ?? new Uri("http://localhost")).ToString());

        var denied = await ExpectAccessDeniedAsync(() => ReadAsync(plain, bucket));
        Assert.That(await ReadAsync(SecureS3, bucket), Is.EqualTo("hello"));

        Assert.That(denied.Message, Is.EqualTo(
            $"User: arn:aws:iam::{AccountId}:root is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::{bucket}/doc.txt\" "
            + $"with an explicit deny in a resource-based policy (decided by bucket policy of {bucket}, statement \"DenyInsecureTransport\")"));
        var decision = Emulator.Journal.Last(e => e.Operation == "GetObject" && e.Bucket == bucket && e.StatusCode == 403)?.Decision;
        Assert.That(decision?.Decision.Statements.Select(s => s.Sid), Is.EqualTo(new[] { "DenyInsecureTransport" }));
    }

    [Test]
    public async Task PutObject_WithoutSseKms_IsDeniedByARequireKmsPolicy_AndWithItSucceeds()
    {
        var bucket = await BucketWithPolicyAsync("""
            {"Version":"2012-10-17","Statement":[{"Sid":"RequireKms","Effect":"Deny","Principal":"*","Action":"s3:PutObject",
              "Resource":"arn:aws:s3:::{bucket}/*","Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}}]}
            """);

        var denied = await ExpectAccessDeniedAsync(() => S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "plain", ContentBody = "x" }));
        var kms = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "kms", ContentBody = "x", ServerSideEncryptionMethod = Amazon.S3.ServerSideEncryptionMethod.AWSKMS,
        });

        Assert.That(denied.Message, Does.Contain("with an explicit deny in a resource-based policy").And.Contain("\"RequireKms\""));
        Assert.That(kms.ServerSideEncryptionMethod, Is.EqualTo(Amazon.S3.ServerSideEncryptionMethod.AWSKMS));
    }

    [Test]
    public async Task OtherAccount_IsDeniedWithABareMessage_UntilTheBucketPolicyGrantsItsAccount()
    {
        var closed = await CreateBucketAsync("authz");
        await PutTextAsync(closed, "doc.txt", "hello");
        var shared = await BucketWithPolicyAsync($$"""
            {"Version":"2012-10-17","Statement":[{"Sid":"CrossAccountRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{OtherAccountId}}:root"},
              "Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/*"}]}
            """);

        var denied = await ExpectAccessDeniedAsync(() => ReadAsync(OtherAccount, closed));
        Assert.That(await ReadAsync(OtherAccount, shared), Is.EqualTo("hello"));
        await ExpectAccessDeniedAsync(() => OtherAccount.ListObjectsV2Async(new ListObjectsV2Request { BucketName = shared }));

        // AWS tells another account nothing about the owner's policies.
        Assert.That(denied.Message, Does.StartWith("Access Denied"));
    }

    [Test]
    public async Task User_WithoutIdentityPolicies_IsDenied_UntilTheBucketPolicyNamesIt()
    {
        var closed = await CreateBucketAsync("authz");
        await PutTextAsync(closed, "doc.txt", "hello");
        var shared = await BucketWithPolicyAsync($$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{AliceArn}}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/*"}]}
            """);

        var denied = await ExpectAccessDeniedAsync(() => ReadAsync(Alice, closed));
        Assert.That(await ReadAsync(Alice, shared), Is.EqualTo("hello"));

        Assert.That(denied.Message, Does.StartWith(
            $"User: {AliceArn} is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::{closed}/doc.txt\" "
            + "because no identity-based policy allows the s3:GetObject action"));
    }

    [Test]
    public async Task CopyObject_NeedsGetObjectOnTheSource_WhoseBucketPolicyDecides()
    {
        var source = await CreateBucketAsync("authz");
        await PutTextAsync(source, "doc.txt", "hello");
        var target = await BucketWithPolicyAsync($$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{OtherAccountId}}:root"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::{bucket}/*"}]}
            """);

        var denied = await ExpectAccessDeniedAsync(() => OtherAccount.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = source, SourceKey = "doc.txt", DestinationBucket = target, DestinationKey = "copy.txt",
        }));

        Assert.That(denied.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
        var decisions = Emulator.Journal.Last(e => e.Operation == "CopyObject" && e.Bucket == target)?.Decisions;
        Assert.That(decisions?.Select(d => (d.Action, d.Decision.IsAllowed)), Is.EqualTo(new[] { ("s3:PutObject", true), ("s3:GetObject", false) }));
    }

    [Test]
    public async Task OtherAccount_WritingThroughAGrant_LeavesTheObjectOwnedByTheBucketOwner()
    {
        var bucket = await BucketWithPolicyAsync($$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{OtherAccountId}}"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::{bucket}/*"}]}
            """);

        await OtherAccount.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "theirs.txt", ContentBody = "x" });
        var listing = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, FetchOwner = true });

        // New buckets are BucketOwnerEnforced: the bucket owner owns every object, whoever wrote it.
        var owners = listing.S3Objects.Select(o => o.Owner.DisplayName).Distinct();
        Assert.That(owners, Is.EqualTo(new[] { AccountId }));
    }

    [Test]
    public async Task Get_OfAnObjectTaggedConfidential_IsDeniedByAnExistingObjectTagCondition()
    {
        var bucket = await BucketWithPolicyAsync("""
            {"Version":"2012-10-17","Statement":[{"Sid":"HideConfidential","Effect":"Deny","Principal":"*","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::{bucket}/*","Condition":{"StringEquals":{"s3:ExistingObjectTag/class":"confidential"}}}]}
            """);
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "secret.txt", ContentBody = "x", TagSet = [new Tag { Key = "class", Value = "confidential" }] });

        var denied = await ExpectAccessDeniedAsync(() => ReadAsync(S3, bucket, "secret.txt"));

        Assert.That(await ReadAsync(S3, bucket), Is.EqualTo("hello"), "an untagged object is not hidden");
        Assert.That(denied.Message, Does.Contain("\"HideConfidential\""));
    }

    [Test]
    public async Task DeleteObjects_IsAllowedByAGrantOfDeleteObjectOnTheBucketsObjects()
    {
        var bucket = await BucketWithPolicyAsync($$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{AliceArn}}"},"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::{bucket}/*"}]}
            """);

        var deleted = await Alice.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = [new KeyVersion { Key = "doc.txt" }] });

        Assert.That(deleted.DeletedObjects.Select(d => d.Key), Is.EqualTo(new[] { "doc.txt" }));
        await ExpectS3ErrorAsync(() => ReadAsync(S3, bucket));
    }

    [Test]
    public async Task APolicyOnPrincipalType_TellsAUserFromTheAccountsRootUser()
    {
        var bucket = await BucketWithPolicyAsync("""
            {"Version":"2012-10-17","Statement":[{"Sid":"UsersOnly","Effect":"Deny","Principal":"*","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::{bucket}/*","Condition":{"StringEquals":{"aws:PrincipalType":"Account"}}}]}
            """);

        var denied = await ExpectAccessDeniedAsync(() => ReadAsync(S3, bucket));

        Assert.That(denied.Message, Does.Contain("\"UsersOnly\""));
    }
}
