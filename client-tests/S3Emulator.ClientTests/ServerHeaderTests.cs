using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.Kms;

namespace S3Emulator.ClientTests;

/// <summary>Every answer names one server, <c>AmazonS3</c> as S3 does, whichever part of the emulator gives it.</summary>
public sealed class ServerHeaderTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Expected = "AmazonS3";

    [Test]
    public async Task S3Answers_SuccessAndError_SayAmazonS3()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "k", "v");
        using var http = Emulator.CreateHttpClient();

        using var success = await http.GetAsync(await PresignedGetAsync(bucket, "k"));
        using var missingKey = await http.GetAsync(await PresignedGetAsync(bucket, "missing"));
        using var anonymous = await http.GetAsync($"/{bucket}/k");

        Assert.That(success.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(success.Headers.Server.ToString(), Is.EqualTo(Expected));
        Assert.That(missingKey.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missingKey.Headers.Server.ToString(), Is.EqualTo(Expected), "an error answer");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(anonymous.Headers.Server.ToString(), Is.EqualTo(Expected), "an authentication failure");
    }

    [TestCase("/_s3emulator/health")]
    [TestCase("/_s3emulator/journal")]
    [TestCase("/_s3emulator/certificate")]
    public async Task AdminAnswers_SayAmazonS3(string path)
    {
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(path);

        Assert.That(response.Headers.Server.ToString(), Is.EqualTo(Expected));
    }

    [Test]
    public async Task KmsAnswers_SuccessAndError_SayAmazonS3()
    {
        using var http = Emulator.CreateHttpClient();

        using var success = await http.SendAsync(KmsRawRequest.Create(Emulator.ServiceUrl, Emulator.Options.Region, "TrentService.ListKeys", "{}"));
        using var unsigned = await http.SendAsync(KmsRawRequest.Create(Emulator.ServiceUrl, Emulator.Options.Region, "TrentService.ListKeys", "{}", sign: false));

        Assert.That(success.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(success.Headers.Server.ToString(), Is.EqualTo(Expected));
        Assert.That((int)unsigned.StatusCode, Is.InRange(400, 499));
        Assert.That(unsigned.Headers.Server.ToString(), Is.EqualTo(Expected), "a KMS error answer");
    }

    [Test]
    public async Task KestrelsOwnRefusal_NamesNoOtherServer()
    {
        if (Emulator.HttpUrl is null) Assert.Ignore("TestServer has no connection to refuse: covered over loopback.");

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Emulator.HttpUrl!.Port);
        var stream = tcp.GetStream();
        // A header line without a colon: Kestrel answers 400 itself, before any middleware runs.
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n"));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        Assert.That(answer, Does.StartWith("HTTP/1.1 400"));
        Assert.That(answer, Does.Not.Contain("Server: Kestrel"));
    }

    private Task<string> PresignedGetAsync(string bucket, string key) => S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
    {
        BucketName = bucket, Key = key, Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5),
        Protocol = Emulator.ServiceUrl.Scheme == Uri.UriSchemeHttps ? Protocol.HTTPS : Protocol.HTTP,
    });
}
