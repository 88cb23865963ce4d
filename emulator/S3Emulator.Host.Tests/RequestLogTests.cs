using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.Host.Tests;

public sealed class RequestLogTests
{
    private const string DefaultSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Test]
    public async Task RequestLog_IsOnByDefault_AndNamesTheRequestWithoutItsSignature()
    {
        await using var host = await HostProcess.StartReadyAsync(environment: new Dictionary<string, string?>
        {
            ["S3Emulator__InitialBuckets__0"] = "logged",
        });
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));
        var url = PresignedGet(Banner.HttpUrl(host.Output), "logged", "missing.txt");
        var signature = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["X-Amz-Signature"]!;

        using var client = new HttpClient();
        using var response = await client.GetAsync(url);
        var line = await host.WaitForLineAsync(l => l.Contains("GetObject", StringComparison.Ordinal));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(line, Does.Contain("GET /logged/missing.txt"));
        Assert.That(line, Does.Contain("404").And.Contain("NoSuchKey").And.Contain("arn:aws:iam::123456789012:root").And.Contain(" ms"));
        Assert.That(line, Does.Not.Contain("X-Amz-Signature").And.Not.Contain("X-Amz-Credential").And.Not.Contain(DefaultSecret));
        Assert.That(host.Output, Does.Not.Contain(signature));
    }

    [Test]
    public async Task RequestLog_False_TurnsTheLineOff()
    {
        await using var host = await HostProcess.StartReadyAsync(environment: new Dictionary<string, string?>
        {
            ["S3Emulator__RequestLog"] = "false",
        });
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = Banner.HttpUrl(host.Output) };

        using var anonymous = await client.GetAsync("/quiet-bucket/key");
        var journal = await client.GetStringAsync("/_s3emulator/journal");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.That(journal, Does.Contain("quiet-bucket"), "the request was served");
        Assert.That(host.Output, Does.Not.Contain("quiet-bucket"));
    }

    private static string PresignedGet(Uri endpoint, string bucket, string key)
    {
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", DefaultSecret),
            new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        return s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucket, Key = key, Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Protocol.HTTP,
        });
    }
}
