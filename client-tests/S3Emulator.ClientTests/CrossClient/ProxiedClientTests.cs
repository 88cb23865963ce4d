namespace S3Emulator.ClientTests.CrossClient;

/// <summary>
/// The AWS CLI, boto3 and the JavaScript SDK at the hosts they build themselves (their AWS default endpoints,
/// <c>bucket.s3.us-east-1.amazonaws.com</c> over plain HTTP, the account's S3 Control host under localhost), none
/// of which resolves here: through the fixture's <see cref="S3Emulator.Testing.HostRedirectProxy"/> every one
/// reaches the emulator, over both loopback transports.
/// </summary>
public sealed class ProxiedClientTests(Transport transport) : ExternalClientTestBase(transport)
{
    private const string Account = "123456789012";

    protected override bool ThroughHostRedirectProxy => true;

    [Test]
    public async Task AwsCli_AtItsDefaultEndpoints_ReachesTheEmulator()
    {
        await RequireAsync("aws", "--version");
        var bucket = $"cli-aws-{Guid.NewGuid():N}";
        var body = Path.Combine(Client.Folder, "body.txt");
        await File.WriteAllTextAsync(body, "by the AWS host names");

        await AwsAsync("s3api", "create-bucket", "--bucket", bucket);
        await AwsAsync("s3api", "put-object", "--bucket", bucket, "--key", "dir/a b.txt", "--body", body);
        var listing = await AwsAsync("s3", "ls", "--recursive", $"s3://{bucket}");
        var keyArn = (await AwsAsync("kms", "create-key", "--query", "KeyMetadata.Arn", "--output", "text")).Trim();

        Assert.That(listing, Does.Contain("dir/a b.txt"));
        Assert.That(await GetTextAsync(bucket, "dir/a b.txt"), Is.EqualTo("by the AWS host names"));
        Assert.That(keyArn, Does.StartWith($"arn:aws:kms:us-east-1:{Account}:key/"));
    }

    [Test]
    public async Task AwsCli_AtAnAwsHostOverPlainHttp_ReachesTheEmulator()
    {
        await RequireAsync("aws", "--version");
        var bucket = await CreateBucketAsync("cli-http");
        await PutTextAsync(bucket, "k", "absolute-form through the proxy");
        var copy = Path.Combine(Client.Folder, "copy.txt");

        await AwsAsync("--endpoint-url", "http://s3.us-east-1.amazonaws.com", "s3", "cp", $"s3://{bucket}/k", copy);

        Assert.That(await File.ReadAllTextAsync(copy), Is.EqualTo("absolute-form through the proxy"));
    }

    // S3 Control itself is another change's: here the request reaches the emulator, whatever it answers.
    [Test]
    public async Task AwsCliS3Control_OnTheAccountsLocalhostHost_ReachesTheEmulator()
    {
        await RequireAsync("aws", "--version");
        var before = Emulator.Journal.Entries.Count;

        var (_, _, error) = await Client.RunAsync("aws", "--endpoint-url", Client.Endpoint, "s3control", "list-access-points", "--account-id", Account);

        Assert.That(error, Does.Not.Contain("Could not connect").And.Not.Contain("SSL"), error);
        Assert.That(Emulator.Journal.Entries.Skip(before).Select(e => e.Method), Is.EqualTo(new[] { "GET" }), error);
    }

    // The README's command, run as written through the proxy (the environment it exports is the client's here).
    [Test]
    public async Task TheReadmesAwsCliS3ControlCommand_AtItsDefaultEndpoint_ReachesTheEmulator()
    {
        await RequireAsync("aws", "--version");
        var lines = ReadmeSnippets.Readme.Text().Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("aws s3control list-access-points", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), "the README shows one such command");
        var before = Emulator.Journal.Entries.Count;

        var (_, _, error) = await Client.RunAsync("bash", "-c", lines[0]);

        Assert.That(error, Does.Not.Contain("Could not connect").And.Not.Contain("SSL"), error);
        Assert.That(Emulator.Journal.Entries.Skip(before).Select(e => e.Method), Is.EqualTo(new[] { "GET" }), error);
    }

    [Test]
    public async Task AwsCliSts_AtItsDefaultEndpoint_ReachesTheEmulator()
    {
        await RequireAsync("aws", "--version");
        var before = Emulator.Journal.Entries.Count;

        var (_, _, error) = await Client.RunAsync("aws", "sts", "get-caller-identity");

        Assert.That(error, Does.Not.Contain("Could not connect").And.Not.Contain("SSL"), error);
        Assert.That(Emulator.Journal.Entries.Skip(before).Select(e => e.Method), Is.EqualTo(new[] { "POST" }), error);
    }

    [TestCase(false, TestName = "Boto3_AtItsDefaultEndpoints_VirtualHosted_ReachesTheEmulator")]
    [TestCase(true, TestName = "Boto3_AtAnAwsHostOverPlainHttp_VirtualHosted_ReachesTheEmulator")]
    public async Task Boto3_ReachesTheEmulator(bool plainHttp)
    {
        await RequireAsync("python3", "-c", "import boto3");
        var bucket = $"boto-aws-{Guid.NewGuid():N}";
        string[] endpoint = plainHttp ? ["http://s3.us-east-1.amazonaws.com"] : [];

        var (exitCode, output, error) = await Client.RunAsync("python3", [CrossClientTests.ScriptPath("boto3_proxied.py"), bucket, .. endpoint]);

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { plainHttp ? $"{bucket}.s3.us-east-1.amazonaws.com" : $"{bucket}.s3.amazonaws.com", "OK" }));
    }

    [TestCase(false, TestName = "JavaScriptSdkV3_AtItsDefaultEndpoint_VirtualHosted_ReachesTheEmulator")]
    [TestCase(true, TestName = "JavaScriptSdkV3_OnABucketHostUnderLocalhost_ReachesTheEmulator")]
    public async Task JavaScriptSdkV3_ReachesTheEmulator(bool underLocalhost)
    {
        var folder = CrossClientTests.JavaScriptClientFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@aws-sdk", "client-s3")))
        {
            Assert.Ignore("The JavaScript SDK is not installed (npm ci in CrossClient/js; the test project's build does it when npm is present).");
        }
        // OpenSSL clients ignore the *.localhost wildcard: over HTTPS a bucket under localhost must be named in the
        // certificate, as the emulator's initial buckets are.
        var bucket = underLocalhost ? LocalhostBucket : $"js-aws-{Guid.NewGuid():N}";
        string[] endpoint = underLocalhost ? [Client.Endpoint] : [];

        var (exitCode, output, error) = await Client.RunAsync("node", [Path.Combine(folder, "proxied_scenario.mjs"), bucket, .. endpoint]);

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { underLocalhost ? $"{bucket}.localhost" : $"{bucket}.s3.us-east-1.amazonaws.com", "OK" }));
    }

    private string LocalhostBucket { get; } = $"js-local-{Guid.NewGuid():N}"[..40];

    protected override void ConfigureEmulator(S3Emulator.Server.Hosting.S3EmulatorOptions options) => options.InitialBuckets.Add(LocalhostBucket);

    private async Task<string> AwsAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await Client.RunAsync("aws", arguments);
        Assert.That(exitCode, Is.EqualTo(0), $"aws {string.Join(' ', arguments)}\n{error}");
        return output;
    }
}
