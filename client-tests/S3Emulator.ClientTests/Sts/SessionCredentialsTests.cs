using System.Net;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Sts;

/// <summary>Session credentials on the other ways in: presigned URLs (X-Amz-Security-Token) and the KMS JSON API.</summary>
public sealed class SessionCredentialsTests(Transport transport) : StsTestBase(transport)
{
    [Test]
    public async Task PresignedGet_MadeWithSessionCredentials_CarriesTheTokenAndWorks()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "a.txt", "hello");
        var url = await PresignedGetAsync(S3Client(await AssumeAsync()), bucket);
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(url);

        Assert.That(url, Does.Contain("X-Amz-Security-Token="));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("hello"));
    }

    [Test]
    public async Task PresignedGet_AfterTheSessionExpires_IsExpiredToken()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "a.txt", "hello");
        var url = await PresignedGetAsync(S3Client(await AssumeAsync(durationSeconds: 900)), bucket);
        using var http = Emulator.CreateHttpClient();
        Clock.Offset = TimeSpan.FromSeconds(901);

        using var response = await http.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<Code>ExpiredToken</Code>"));
    }

    [Test]
    public async Task Kms_WithSessionCredentials_Works()
    {
        using var kms = Emulator.CreateKmsClient(await AssumeAsync());

        var response = await kms.ListKeysAsync(new ListKeysRequest());

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Emulator.Journal.Entries.Last(e => e.Operation == "kms:ListKeys").Principal,
            Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
    }

    [Test]
    public async Task Kms_WithAForgedToken_IsUnrecognizedClient()
    {
        var session = await AssumeAsync();
        using var kms = Emulator.CreateKmsClient(new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, "Zm9yZ2Vk"));

        var error = (await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.ListKeysAsync(new ListKeysRequest())))!;

        Assert.That(error.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
    }

    [Test]
    public async Task Kms_AfterTheSessionExpires_IsExpiredToken()
    {
        using var kms = Emulator.CreateKmsClient(await AssumeAsync(durationSeconds: 900));
        Clock.Offset = TimeSpan.FromSeconds(901);

        var error = (await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.ListKeysAsync(new ListKeysRequest())))!;

        Assert.That(error.ErrorCode, Is.EqualTo("ExpiredTokenException"));
    }

    private Task<string> PresignedGetAsync(AmazonS3Client s3, string bucket) => s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
    {
        BucketName = bucket, Key = "a.txt", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5),
        Protocol = Emulator.ServiceUrl.Scheme == Uri.UriSchemeHttps ? Protocol.HTTPS : Protocol.HTTP,
    });
}
