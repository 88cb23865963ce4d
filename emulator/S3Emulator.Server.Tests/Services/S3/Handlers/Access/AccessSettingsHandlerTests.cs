using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers;
using S3Emulator.Server.Services.S3.Routing;
using S3Emulator.Server.Tests.Protocol;

namespace S3Emulator.Server.Tests.Services.S3.Handlers.Access;

/// <summary>
/// The bucket access settings through the dispatcher: what the client tests cannot reach (the account level of Block
/// Public Access, exact size limits, error details) and the golden bodies as handlers write them.
/// </summary>
public sealed class AccessSettingsHandlerTests
{
    private const string Bucket = "settings";
    private const string PublicPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::settings/*"}]}""";

    private ProtocolTestKit _kit = null!;

    [SetUp]
    public async Task CreateBucketWithNoSettings()
    {
        _kit = new ProtocolTestKit();
        await _kit.CreateBucketAsync(Bucket);
    }

    [Test]
    public async Task CreateBucket_StoresAllFourBlockPublicAccessFlagsAndBucketOwnerEnforced()
    {
        await _kit.DispatchAsync(S3Operation.CreateBucket, "created", null);

        var bucket = await _kit.Store.GetBucketAsync("created", CancellationToken.None);

        Assert.That(bucket?.PublicAccessBlock, Is.EqualTo(PublicAccessBlock.AllBlocked));
        Assert.That(bucket?.ObjectOwnership, Is.EqualTo(ObjectOwnership.BucketOwnerEnforced));
    }

    [Test]
    public async Task PutBucketPolicy_ThatIsPublic_WhenOnlyTheAccountBlocksPublicPolicy_IsRefused()
    {
        await _kit.Accounts.SetPublicAccessBlockAsync(ProtocolTestKit.AccountId, new PublicAccessBlock(false, false, true, false), CancellationToken.None);

        var error = await ErrorAsync(S3Operation.PutBucketPolicy, "policy", PublicPolicy);

        Assert.That(error.Error.Code, Is.EqualTo("AccessDenied"));
        Assert.That(error.Error.Message, Does.EndWith("because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access."));
    }

    [Test]
    public async Task PutBucketPolicy_ThatIsPublic_WhenNoLevelBlocksPublicPolicy_IsStored()
    {
        await _kit.Accounts.SetPublicAccessBlockAsync(ProtocolTestKit.AccountId, new PublicAccessBlock(true, true, false, true), CancellationToken.None);

        var result = await _kit.DispatchAsync(S3Operation.PutBucketPolicy, Bucket, null, "policy", PublicPolicy);

        Assert.That(result.StatusCode, Is.EqualTo(204));
        Assert.That((await _kit.Store.GetBucketAsync(Bucket, CancellationToken.None))?.Policy, Is.EqualTo(PublicPolicy));
    }

    [Test]
    public async Task PutBucketPolicy_OfExactlyTwentyKilobytes_IsStored_AndOneByteMoreIsPolicyTooLarge()
    {
        var atLimit = Padded(20 * 1024);

        var stored = await _kit.DispatchAsync(S3Operation.PutBucketPolicy, Bucket, null, "policy", atLimit);
        var error = await ErrorAsync(S3Operation.PutBucketPolicy, "policy", Padded(20 * 1024 + 1));

        Assert.That(stored.StatusCode, Is.EqualTo(204));
        Assert.That((error.Error.Code, error.Error.StatusCode), Is.EqualTo(("PolicyTooLarge", 400)));
    }

    [TestCase(S3Operation.GetBucketPolicy, "policy", "NoSuchBucketPolicy", 404)]
    [TestCase(S3Operation.GetBucketPolicyStatus, "policyStatus", "NoSuchBucketPolicy", 404)]
    [TestCase(S3Operation.GetPublicAccessBlock, "publicAccessBlock", "NoSuchPublicAccessBlockConfiguration", 404)]
    [TestCase(S3Operation.GetBucketOwnershipControls, "ownershipControls", "OwnershipControlsNotFoundError", 404)]
    public async Task GetOfASettingNeverSet_NamesTheBucket(S3Operation operation, string query, string code, int status)
    {
        var error = await ErrorAsync(operation, query);

        Assert.That((error.Error.Code, error.Error.StatusCode), Is.EqualTo((code, status)));
        Assert.That(error.Details, Is.EqualTo(new[] { S3Exception.Detail("BucketName", Bucket) }));
    }

    [Test]
    public async Task GetPublicAccessBlock_MatchesGoldenXml()
    {
        await _kit.Store.UpdateBucketAsync(Bucket, b => b with { PublicAccessBlock = new PublicAccessBlock(true, false, true, false) }, CancellationToken.None);

        var result = await _kit.DispatchAsync(S3Operation.GetPublicAccessBlock, Bucket, null, "publicAccessBlock");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "GetPublicAccessBlock.Mixed");
    }

    [Test]
    public async Task GetBucketAcl_MatchesGoldenXml()
    {
        var result = await _kit.DispatchAsync(S3Operation.GetBucketAcl, Bucket, null, "acl");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "GetBucketAcl.OwnerFullControl");
    }

    [Test]
    public async Task PutBucketAcl_WithABodyGrantingOnlyTheOwnerFullControl_IsAccepted_WhileAclsAreDisabled()
    {
        await EnforceOwnershipAsync();
        var body = S3Xml.ToText(AccessControlPolicyXml.OwnerFullControl(BucketAccess.CanonicalUserId(ProtocolTestKit.AccountId)));

        var result = await _kit.DispatchAsync(S3Operation.PutBucketAcl, Bucket, null, "acl", body);

        Assert.That(result.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task PutBucketAcl_WithABodyGrantingAllUsers_IsAccessControlListNotSupported_WhileAclsAreDisabled()
    {
        await EnforceOwnershipAsync();
        var owner = BucketAccess.CanonicalUserId(ProtocolTestKit.AccountId);
        var body = $"""
            <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>{owner}</ID></Owner><AccessControlList>
              <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>
            </AccessControlList></AccessControlPolicy>
            """;

        var error = await ErrorAsync(S3Operation.PutBucketAcl, "acl", body);

        Assert.That(error.Error.Code, Is.EqualTo("AccessControlListNotSupported"));
    }

    [Test]
    public async Task PutBucketAcl_WithABodyGrantingAllUsers_IsRefusedByBlockPublicAcls_WhereAclsAreEnabled()
    {
        await _kit.Store.UpdateBucketAsync(Bucket, b => b with { PublicAccessBlock = new PublicAccessBlock(true, false, false, false) }, CancellationToken.None);
        var body = """
            <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><AccessControlList>
              <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>
            </AccessControlList></AccessControlPolicy>
            """;

        var error = await ErrorAsync(S3Operation.PutBucketAcl, "acl", body);

        Assert.That(error.Error.Code, Is.EqualTo("AccessDenied"));
        Assert.That(error.Error.Message, Does.Contain($"s3:PutBucketAcl on resource: \"arn:aws:s3:::{Bucket}\" because public ACLs are prevented"));
    }

    private Task EnforceOwnershipAsync() =>
        _kit.Store.UpdateBucketAsync(Bucket, b => b with { ObjectOwnership = ObjectOwnership.BucketOwnerEnforced }, CancellationToken.None).AsTask();

    private async Task<S3Exception> ErrorAsync(S3Operation operation, string query, string? body = null)
    {
        try
        {
            await _kit.DispatchAsync(operation, Bucket, null, query, body);
        }
        catch (S3Exception exception)
        {
            return exception;
        }

        Assert.Fail($"{operation} succeeded");
        throw new InvalidOperationException();
    }

    /// <summary>A valid, non-public policy of exactly <paramref name="bytes"/> UTF-8 bytes (padded in its Sid).</summary>
    private static string Padded(int bytes)
    {
        const string head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"";
        const string tail = "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::settings/*\"}]}";
        return head + new string('a', bytes - head.Length - tail.Length) + tail;
    }
}
