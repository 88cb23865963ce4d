using Amazon.S3.Model;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.ClientTests.ObjectLambda.Functions;
using S3Emulator.ExampleTransforms;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using static S3Emulator.ClientTests.ObjectLambda.Functions.HttpFunctionSetup;

namespace S3Emulator.ClientTests.CrossClient;

/// <summary>
/// S3 Object Lambda as other clients meet it, with an HTTP function the test process serves (the uppercase example,
/// signing with the execution role's session, registered by <c>PUT /_s3emulator/functions</c>): the JavaScript SDK v3
/// by the Object Lambda access point's ARN and by a presigned URL fetched with <c>fetch</c> (both at
/// <c>{name}-{account}.localhost</c>, which <c>js/localhost_resolver.mjs</c> resolves to loopback); the AWS CLI by the
/// access point's alias, path-style, and by its ARN (through the host-redirect proxy). The fixture's certificate names
/// the configured Object Lambda access points' hosts, so Node and OpenSSL check TLS by name. Object Lambda is HTTPS
/// only: loopback HTTPS.
/// </summary>
public sealed class ObjectLambdaCrossClientTests(Transport transport) : ExternalClientTestBase(transport)
{
    private const string OlapName = "xc-upper";
    private static readonly string Function = FunctionArn("xc-uppercase");

    private ObjectLambdaFunctionHost? _host;

    // The AWS CLI reaches {name}-{account}.localhost, which nothing resolves here, through the proxy.
    protected override bool ThroughHostRedirectProxy => true;

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        AddTo(options);
        AddObjectLambdaAccessPoint(options, OlapName, Function, ["GetObject"]);
    }

    [OneTimeSetUp]
    public async Task StartFunctionAsync()
    {
        if (Transport != Transport.LoopbackHttps) return;
        _host = await StartHostAsync(Emulator);
        var url = _host.Add("uppercase", new UppercaseTransform());
        using var admin = new FunctionsAdminClient(Emulator);
        var map = (await admin.PutAsync(new Dictionary<string, string> { [Function] = url.ToString() }, Emulator.DefaultCredentials.GetCredentials())).Map();
        Assert.That(map[Function], Is.EqualTo(url.ToString()));
    }

    [OneTimeTearDown]
    public async Task StopFunctionAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [SetUp]
    public void RequireLoopbackHttps()
    {
        if (Transport != Transport.LoopbackHttps) Assert.Ignore("Object Lambda is HTTPS only: covered by the loopback HTTPS transport.");
    }

    [Test]
    public async Task JavaScriptSdkV3_GetsByTheObjectLambdaArn_AndByAPresignedUrl_TheTransformedBody()
    {
        var folder = CrossClientTests.JavaScriptClientFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@aws-sdk", "s3-request-presigner")))
        {
            Assert.Ignore("The JavaScript SDK is not installed (npm ci in CrossClient/js; the test project's build does it when npm is present).");
        }
        var key = $"js/{Guid.NewGuid():N}.txt";
        await PutDataAsync(key, "from node");
        var before = Emulator.Journal.Entries.Count;

        var (exitCode, output, error) = await Client.RunAsync("node", Path.Combine(folder, "object_lambda_scenario.mjs"),
            Client.Endpoint, OlapArn(OlapName), key, "FROM NODE");

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { $"{OlapName}-{Account}.localhost", "OK" }));
        // The function's own reads of inputS3Url are GetObject entries too, without an invocation.
        var invocations = Emulator.Journal.Entries.Skip(before).Where(e => e.Operation == "GetObject" && e.Invocation is not null).Select(e => e.Invocation).ToList();
        Assert.That(invocations, Has.Count.EqualTo(2), "the SDK's GET and the presigned GET");
        Assert.That(invocations.Select(i => i?.HostKind), Is.All.EqualTo(FunctionHostKind.Http));
        Assert.That(invocations.Select(i => i?.WriteGetObjectResponseStatus), Is.All.EqualTo(200));
    }

    [Test]
    public async Task AwsCli_GetsByTheObjectLambdaAlias_PathStyle_TheTransformedBody()
    {
        await RequireAsync("aws", "--version");
        var key = $"cli/{Guid.NewGuid():N}.txt";
        await PutDataAsync(key, "from the cli");
        var alias = await AliasAsync();
        var output = Path.Combine(Client.Folder, "alias.txt");

        var (exitCode, _, error) = await Client.RunWithAsync(PathStyle(), "aws", "--endpoint-url", Client.Endpoint,
            "s3api", "get-object", "--bucket", alias, "--key", key, output);

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(await File.ReadAllTextAsync(output), Is.EqualTo("FROM THE CLI"));
        var entry = Emulator.Journal.Last("GetObject");
        Assert.That(entry?.Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }

    // botocore builds {name}-{account}.{endpoint's authority} from an Object Lambda ARN and a custom endpoint, and signs
    // it s3-object-lambda; through the proxy that host reaches the emulator, whose certificate names it.
    [Test]
    public async Task AwsCli_GetsByTheObjectLambdaArn_AtTheHostItBuilds_TheTransformedBody()
    {
        await RequireAsync("aws", "--version");
        var key = $"cli-arn/{Guid.NewGuid():N}.txt";
        await PutDataAsync(key, "by arn");
        var output = Path.Combine(Client.Folder, "arn.txt");

        var (exitCode, _, debug) = await Client.RunAsync("aws", "--debug", "--endpoint-url", Client.Endpoint,
            "s3api", "get-object", "--bucket", OlapArn(OlapName), "--key", key, output);

        var tail = debug.Length > 4000 ? debug[^4000..] : debug;
        Assert.That(exitCode, Is.EqualTo(0), tail);
        Assert.That(await File.ReadAllTextAsync(output), Is.EqualTo("BY ARN"));
        Assert.That(debug, Does.Contain($"Endpoint provider result: https://{OlapName}-{Account}.localhost:{Emulator.HttpsUrl!.Port}"));
        Assert.That(debug, Does.Contain("/us-east-1/s3-object-lambda/aws4_request"));
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }

    private Task PutDataAsync(string key, string body) =>
        SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = DataBucket, Key = key, ContentBody = body });

    private async Task<string> AliasAsync()
    {
        using var control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        var response = await control.SendAsync("GET", $"accesspointforobjectlambda/{OlapName}");
        var alias = response.Value("Value");
        Assert.That(alias, Does.EndWith("--ol-s3"), response.Body?.ToString());
        return alias!;
    }

    // botocore addresses a bucket (an alias is one) virtual-hosted on a custom endpoint unless told otherwise.
    private Dictionary<string, string> PathStyle()
    {
        var config = Path.Combine(Client.Folder, "path-style-config");
        File.WriteAllText(config, "[default]\ns3 =\n    addressing_style = path\n");
        return new Dictionary<string, string> { ["AWS_CONFIG_FILE"] = config };
    }
}
