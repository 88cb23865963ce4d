using System.Net;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Policies;

/// <summary>Put/Get/DeleteBucketPolicy and GetBucketPolicyStatus through AWSSDK.S3 (public-access.md §2, §3).</summary>
public sealed class BucketPolicyTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task PutBucketPolicy_ThenGetBucketPolicy_ReturnsTheTextExactlyAsSent()
    {
        var bucket = await CreateBucketAsync();
        // Spacing, line breaks and key order a re-serialiser would change.
        var policy = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\": [ {\"Sid\":\"AccountRead\", \"Effect\":\"Allow\", "
            + $"\"Principal\":{{\"AWS\":\"arn:aws:iam::{Emulator.Options.AccountId}:root\"}}, \"Action\":\"s3:GetObject\", \"Resource\":\"arn:aws:s3:::{bucket}/*\"}} ]\n}}";

        var put = await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy });
        var get = await S3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket });

        Assert.That(put.HttpStatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(get.Policy, Is.EqualTo(policy));
    }

    [Test]
    public async Task GetBucketPolicy_OfABucketWithNone_AnswersNoSuchBucketPolicy()
    {
        var bucket = await CreateBucketAsync();

        var policy = await GetPolicyAsync(bucket);

        // AWSSDK.S3 does not throw for S3's 404 NoSuchBucketPolicy (it lists the code among answers it swallows) and
        // hands back the error body as the "policy"; the journal shows what went over the wire.
        Assert.That(policy ?? "", Does.Not.StartWith("{"));
        Assert.That(LastAnswer(bucket, "GetBucketPolicy"), Is.EqualTo((404, "NoSuchBucketPolicy")));
    }

    [Test]
    public async Task DeleteBucketPolicy_RemovesThePolicy_AndDeletingAgainSucceeds()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = AccountOnlyPolicy(bucket) });

        var first = await S3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = bucket });
        var second = await S3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = bucket });
        var policy = await GetPolicyAsync(bucket);

        Assert.That((first.HttpStatusCode, second.HttpStatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
        Assert.That(policy ?? "", Does.Not.StartWith("{"));
        Assert.That(LastAnswer(bucket, "GetBucketPolicy"), Is.EqualTo((404, "NoSuchBucketPolicy")));
    }

    [TestCase("not json", "Policies must be valid JSON and the first byte must be '{'")]
    [TestCase("{\"Version\": \"2012-10-17\", \"Statement\": [", "This policy contains invalid Json")]
    public async Task PutBucketPolicy_ThatIsNotAPolicy_ReturnsMalformedPolicyWithAwsMessage(string policy, string message)
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy }));

        Assert.That((error.StatusCode, error.ErrorCode, error.Message), Is.EqualTo((HttpStatusCode.BadRequest, "MalformedPolicy", message)));
    }

    [TestCase("s3:NotAnAction", "arn:aws:s3:::{bucket}/*", "{\"AWS\":\"arn:aws:iam::{account}:root\"}", "Policy has invalid action")]
    [TestCase("s3:GetObject", "arn:aws:s3:::another-bucket/*", "{\"AWS\":\"arn:aws:iam::{account}:root\"}", "Policy has invalid resource")]
    [TestCase("s3:GetObject", "arn:aws:s3:::{bucket}/*", "{\"AWS\":\"not-a-principal\"}", "Invalid principal in policy")]
    public async Task PutBucketPolicy_ThatAwsRefuses_ReturnsMalformedPolicyWithAwsMessage(string action, string resource, string principal, string message)
    {
        var bucket = await CreateBucketAsync();
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"{{action}}","Resource":"{{resource}}"}]}"""
            .Replace("{bucket}", bucket, StringComparison.Ordinal)
            .Replace("{account}", Emulator.Options.AccountId, StringComparison.Ordinal);

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy }));

        Assert.That((error.StatusCode, error.ErrorCode, error.Message), Is.EqualTo((HttpStatusCode.BadRequest, "MalformedPolicy", message)));
    }

    [Test]
    public async Task PutBucketPolicy_OverTwentyKilobytes_ReturnsPolicyTooLarge_AndStoresNothing()
    {
        var bucket = await CreateBucketAsync();
        var policy = AccountOnlyPolicy(bucket).Replace("\"AccountRead\"", "\"" + new string('a', 20 * 1024) + "\"", StringComparison.Ordinal);

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy }));
        var stored = await GetPolicyAsync(bucket);

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "PolicyTooLarge")));
        Assert.That(stored ?? "", Does.Not.StartWith("{"));
        Assert.That(LastAnswer(bucket, "GetBucketPolicy"), Is.EqualTo((404, "NoSuchBucketPolicy")));
    }

    [Test]
    public async Task PutBucketPolicy_ThatIsPublic_OnANewBucket_IsRefusedByBlockPublicPolicy()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = PublicReadPolicy(bucket) }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
        Assert.That(error.Message, Is.EqualTo(
            $"User: arn:aws:iam::{Emulator.Options.AccountId}:root is not authorized to perform: s3:PutBucketPolicy on resource: \"arn:aws:s3:::{bucket}\" "
            + "because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access."));
    }

    [Test]
    public async Task PutBucketPolicy_ThatIsPublic_WithBlockPublicPolicyOff_IsStored_AndItsStatusIsPublic()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicPolicy = false, RestrictPublicBuckets = true },
        });

        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = PublicReadPolicy(bucket) });
        var status = await S3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = bucket });

        Assert.That(status.PolicyStatus.IsPublic, Is.True);
    }

    [Test]
    public async Task GetBucketPolicyStatus_OfAPolicyGrantingOneAccount_IsNotPublic()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = AccountOnlyPolicy(bucket) });

        var status = await S3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = bucket });

        Assert.That(status.PolicyStatus.IsPublic, Is.False);
    }

    [Test]
    public async Task GetBucketPolicyStatus_OfABucketWithNoPolicy_ReturnsNoSuchBucketPolicy()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = bucket }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchBucketPolicy")));
    }

    private async Task<string?> GetPolicyAsync(string bucket) =>
        (await S3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket })).Policy;

    private (int Status, string? Error) LastAnswer(string bucket, string operation)
    {
        var entry = Emulator.Journal.Entries.Last(e => e.Bucket == bucket && e.Operation == operation);
        return (entry.StatusCode, entry.ErrorCode);
    }

    private string AccountOnlyPolicy(string bucket) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"AccountRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Emulator.Options.AccountId}}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";

    private static string PublicReadPolicy(string bucket) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
}
