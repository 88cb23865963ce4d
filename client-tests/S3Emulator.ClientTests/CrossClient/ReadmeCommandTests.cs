using System.Net;
using Amazon.S3.Model;
using S3Emulator.ClientTests.Encryption;

namespace S3Emulator.ClientTests.CrossClient;

/// <summary>The README's AWS CLI commands, run as written (only the endpoint and the bucket name swapped for the test's).</summary>
public sealed class ReadmeCommandTests(Transport transport) : ExternalClientTestBase(transport)
{
    private const string ReadmeEndpoint = "http://localhost:9000";
    private const string ReadmeBucket = "demo";

    [Test]
    public async Task TheReadmeCommand_UnblocksSseCOnABucket_InOneAwsCliCall()
    {
        await RequireAsync("aws", "--version");
        var command = ReadmeLine($"aws --endpoint-url {ReadmeEndpoint} s3api put-bucket-encryption");
        var bucket = await CreateBucketAsync("unblock");
        var key = new SseCTestKit();
        var blocked = await ExpectS3ErrorAsync(() => SecureS3.PutObjectAsync(key.On(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" })));

        var (exitCode, _, error) = await Client.RunAsync("bash", "-c",
            command.Replace(ReadmeEndpoint, Client.Endpoint, StringComparison.Ordinal)
                .Replace($"--bucket {ReadmeBucket} ", $"--bucket {bucket} ", StringComparison.Ordinal));
        var unblocked = await SecureS3.PutObjectAsync(key.On(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" }));

        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "new buckets block SSE-C");
        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(unblocked.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK), "the same SSE-C write succeeds once the command ran");
    }

    private static string ReadmeLine(string start)
    {
        var lines = ReadmeSnippets.Readme.Text().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(start, StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), $"the README shows one command starting '{start}'");
        return lines[0];
    }
}
