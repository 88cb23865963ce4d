using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.CrossClient;

/// <summary>botocore's own SigV2 signers (signature_version 's3' and presigned 's3-query' URLs) with SignatureV2 = Accept.</summary>
public sealed class SignatureV2CrossClientTests(Transport transport) : ExternalClientTestBase(transport)
{
    protected override void ConfigureEmulator(S3EmulatorOptions options) => options.SignatureV2 = SignatureV2Mode.Accept;

    [Test]
    public async Task Boto3_SignatureV2_IsVerifiedWhenAccepted()
    {
        await RequireAsync("python3", "-c", "import boto3");

        var (exitCode, output, error) = await Client.RunAsync(
            "python3", CrossClientTests.ScriptPath("boto3_signatures.py"), Client.Endpoint, $"v2-{Guid.NewGuid():N}", "accept");

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Trim(), Is.EqualTo("OK"));
    }
}
