namespace S3Emulator.ClientTests.CrossClient;

/// <summary>
/// The AWS CLI and boto3 (botocore signs aws-chunked uploads with STREAMING-UNSIGNED-PAYLOAD-TRAILER over
/// HTTPS, unlike AWSSDK.S3) against the loopback transports; they need a socket, so not in-process.
/// </summary>
public sealed class CrossClientTests(Transport transport) : ExternalClientTestBase(transport)
{
    // The boto3 scenario writes SSE-C objects into a bucket it creates itself.
    protected override void ConfigureEmulator(S3Emulator.Server.Hosting.S3EmulatorOptions options) => options.BlockSseCOnNewBuckets = false;

    [Test]
    public async Task AwsCli_CopiesUpAndDown_IncludingAMultipartUpload()
    {
        await RequireAsync("aws", "--version");
        var bucket = $"cli-{Guid.NewGuid():N}";
        var small = Path.Combine(Client.Folder, "small.txt");
        var large = Path.Combine(Client.Folder, "large.bin");
        await File.WriteAllTextAsync(small, "from the aws cli");
        var payload = new byte[9 * 1024 * 1024];
        Random.Shared.NextBytes(payload);
        await File.WriteAllBytesAsync(large, payload);

        await AwsAsync("s3", "mb", $"s3://{bucket}");
        await AwsAsync("s3", "cp", small, $"s3://{bucket}/dir/a b+c.txt");
        await AwsAsync("s3", "cp", large, $"s3://{bucket}/large.bin");
        var listing = await AwsAsync("s3", "ls", "--recursive", $"s3://{bucket}");
        await AwsAsync("s3", "cp", $"s3://{bucket}/large.bin", Path.Combine(Client.Folder, "back.bin"));

        Assert.That(listing, Does.Contain("dir/a b+c.txt").And.Contain("large.bin"));
        Assert.That(await GetTextAsync(bucket, "dir/a b+c.txt"), Is.EqualTo("from the aws cli"));
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(Client.Folder, "back.bin")), Is.EqualTo(payload));
        var head = await S3.GetObjectMetadataAsync(bucket, "large.bin");
        Assert.That(head.ETag, Does.EndWith("-2\""), "the CLI splits 9 MiB into 8 MiB parts");
    }

    [Test]
    public async Task AwsCli_MissingKey_ReportsNoSuchKey()
    {
        await RequireAsync("aws", "--version");
        var bucket = await CreateBucketAsync();

        var (exitCode, _, error) = await Client.RunAsync("aws", "--endpoint-url", Client.Endpoint, "s3api", "head-object", "--bucket", bucket, "--key", "missing");

        Assert.That(exitCode, Is.Not.EqualTo(0));
        Assert.That(error, Does.Contain("404"));
    }

    [Test]
    public async Task AwsCli_CreatesAKmsKey_AndUsesItForSseKms()
    {
        await RequireAsync("aws", "--version");
        var bucket = await CreateBucketAsync("cli-kms");
        var body = Path.Combine(Client.Folder, "body.txt");
        await File.WriteAllTextAsync(body, "kms through the cli");

        var keyArn = (await AwsAsync("kms", "create-key", "--description", "cli", "--query", "KeyMetadata.Arn", "--output", "text")).Trim();
        await AwsAsync("s3api", "put-object", "--bucket", bucket, "--key", "k", "--body", body, "--server-side-encryption", "aws:kms", "--ssekms-key-id", keyArn);
        var head = await S3.GetObjectMetadataAsync(bucket, "k");

        Assert.That(keyArn, Does.StartWith("arn:aws:kms:us-east-1:123456789012:key/"));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(keyArn));
        Assert.That(await GetTextAsync(bucket, "k"), Is.EqualTo("kms through the cli"));
    }

    [Test]
    public async Task Boto3_RunsTheScenario()
    {
        await RequireAsync("python3", "-c", "import boto3");
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "CrossClient", "boto3_scenario.py");

        var (exitCode, output, error) = await Client.RunAsync("python3", script, Client.Endpoint, $"boto-{Guid.NewGuid():N}");

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Trim(), Is.EqualTo("OK"));
    }

    // The default: SigV2 refused as S3 refuses it for new buckets; a negative presigned expiry refused too.
    [Test]
    public async Task Boto3_SignatureV2_IsRefusedAsS3RefusesIt()
    {
        await RequireAsync("python3", "-c", "import boto3");

        var (exitCode, output, error) = await Client.RunAsync("python3", ScriptPath("boto3_signatures.py"), Client.Endpoint, $"v2-{Guid.NewGuid():N}", "reject");

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Trim(), Is.EqualTo("OK"));
    }

    [Test]
    public async Task JavaScriptSdkV3_RunsTheScenario()
    {
        var folder = JavaScriptClientFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@aws-sdk", "client-s3")))
        {
            Assert.Ignore("The JavaScript SDK is not installed (npm ci in CrossClient/js; the test project's build does it when npm is present).");
        }

        var (exitCode, output, error) = await Client.RunAsync("node", Path.Combine(folder, "jssdk_scenario.mjs"), Client.Endpoint, $"js-{Guid.NewGuid():N}");

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Trim(), Is.EqualTo("OK"));
    }

    internal static string ScriptPath(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "CrossClient", name);

    /// <summary>The scenario and its node_modules stay in the source tree; the build installs them there.</summary>
    internal static string JavaScriptClientFolder()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "S3Emulator.ClientTests.csproj")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? "", "CrossClient", "js");
    }

    private async Task<string> AwsAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await Client.RunAsync("aws", ["--endpoint-url", Client.Endpoint, .. arguments]);
        Assert.That(exitCode, Is.EqualTo(0), $"aws {string.Join(' ', arguments)}\n{error}");
        return output;
    }
}
