using Amazon;
using S3Emulator.Testing;

// Outside the S3Emulator namespaces, so that the snippet compiles only with the using lines the README shows.
namespace ReadmeSnippets;

/// <summary>
/// The README's "Reaching access points and other SDK-built hosts" snippet, copied verbatim (with its using lines,
/// above) and run; the second test keeps the README and this copy the same.
/// </summary>
public sealed class HostReachSnippetTests
{
    [Test]
    public async Task TheReadmeHostReachSnippet_CompilesAndRunsAsWritten()
    {
        // README:begin
        await using var emulator = await S3EmulatorServer.StartLoopbackAsync(preferHttps: true);
        using var s3 = emulator.CreateS3Client(c => c.ForcePathStyle = false);             // bucket.localhost:PORT
        using var aws = emulator.CreateS3Client(c => c.RegionEndpoint = RegionEndpoint.USEast1); // s3.amazonaws.com
        using var kms = emulator.CreateKmsClient();                                        // also CreateStsClient()
        var proxy = emulator.StartHostRedirectProxy();  // for the AWS CLI, boto3, Node: every host to the emulator
        var environment = proxy.Environment;            // HTTPS_PROXY, HTTP_PROXY = proxy.Url; NO_PROXY empty
        var caBundle = emulator.Certificate!.ExportCertificatePem();  // AWS_CA_BUNDLE, NODE_EXTRA_CA_CERTS
        // README:end

        await aws.PutBucketAsync("snippet");
        await s3.PutObjectAsync(new() { BucketName = "snippet", Key = "k", ContentBody = "v" });
        var key = await kms.CreateKeyAsync(new());
        Assert.That(environment["HTTPS_PROXY"], Is.EqualTo(proxy.Url.ToString().TrimEnd('/')));
        Assert.That(caBundle, Does.StartWith("-----BEGIN CERTIFICATE-----"));
        Assert.That(key.KeyMetadata.KeyId, Is.Not.Empty);
        Assert.That(emulator.Journal.Entries.Select(e => e.Operation), Does.Contain("PutObject"));
    }

    [Test]
    public void TheReadme_ShowsExactlyTheSnippetThatRuns()
    {
        var tested = Readme.SnippetOf(ThisFile(), "// README:begin", "// README:end");

        var shown = Readme.CodeBlockAfter("## Reaching access points and other SDK-built hosts", "csharp");

        Assert.That(shown, Is.EqualTo(tested));
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
