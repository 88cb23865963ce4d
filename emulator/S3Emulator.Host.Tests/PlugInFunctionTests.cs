using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.Host.Tests;

/// <summary>Object Lambda functions loaded from a plug-in folder (<c>--functions</c>) serve Object Lambda access points.</summary>
public sealed class PlugInFunctionTests
{
    private const string Account = "123456789012";
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string RoleArn = $"arn:aws:iam::{Account}:role/olap-function";
    private const string OlapArn = $"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/plugin-upper";

    private string _functions = "";

    [SetUp]
    public void CreateFolder() => _functions = Directory.CreateTempSubdirectory("s3emulator-functions-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_functions, recursive: true);

    [Test]
    public async Task AGetThroughAnObjectLambdaAccessPoint_RunsThePlugInFunction_WhichAnswersThroughTheEmulatorsOwnHttpsPort()
    {
        ExamplePlugIn.CopyTo(_functions);
        // Not .NET: skipped, as a native library beside a plug-in must be.
        await File.WriteAllBytesAsync(Path.Combine(_functions, "libnative.dll"), [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0]);
        var (http, https) = (HostProcess.FreePort(), HostProcess.FreePort());
        await using var host = HostProcess.Start(
            ["--http-port", http.ToString(), "--https-port", https.ToString(), "--functions", _functions], ObjectLambdaConfiguration());
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));

        using (var s3 = new AmazonS3Client(new BasicAWSCredentials(AccessKey, Secret),
            new AmazonS3Config { ServiceURL = $"http://localhost:{http}", ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "plugin-data", Key = "greeting.txt", ContentBody = "hello from a plug-in" });
        }

        var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Banner.TrustedPemPath(host.Output)));
        using var olap = new AmazonS3Client(new BasicAWSCredentials(AccessKey, Secret), new AmazonS3Config
        {
            ServiceURL = $"https://localhost:{https}",
            ForcePathStyle = false,
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = new LoopbackHttps(https, certificate),
        });
        using var response = await olap.GetObjectAsync(OlapArn, "greeting.txt");
        using var reader = new StreamReader(response.ResponseStream);
        var body = await reader.ReadToEndAsync();

        Assert.That(body, Is.EqualTo("HELLO FROM A PLUG-IN"));
        var invocation = await LastInvocationAsync(http);
        Assert.That(invocation.GetProperty("hostKind").GetString(), Is.EqualTo("PlugIn"));
        Assert.That(invocation.GetProperty("functionArn").GetString(), Is.EqualTo($"arn:aws:lambda:us-east-1:{Account}:function:uppercase"));
        Assert.That(invocation.GetProperty("writeGetObjectResponseStatus").GetInt32(), Is.EqualTo(200), "the function answered as its role");
    }

    [Test]
    public async Task TheBanner_ListsEveryPlugInFunction_ByNameAndClass()
    {
        ExamplePlugIn.CopyTo(_functions);
        await using var host = await HostProcess.StartReadyAsync(environment: new Dictionary<string, string?>
        {
            ["S3Emulator__FunctionsPath"] = _functions,
        });
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));

        Assert.That(Banner.Value(host.Output, "functions"), Is.EqualTo($"7 plug-in function(s) from {_functions}"));
        Assert.That(host.Output, Does.Contain("uppercase → S3Emulator.ExampleTransforms.UppercaseTransform")
            .And.Contain("redact-json → S3Emulator.ExampleTransforms.RedactJsonTransform")
            .And.Contain("cse-reencrypt → S3Emulator.ExampleTransforms.ReencryptTransform"));
    }

    // A bucket, a supporting access point, a role allowed WriteGetObjectResponse, the function's role (a configured entry
    // the plug-in fills in), and an Object Lambda access point whose GetObject runs the plug-in's uppercase.
    private static Dictionary<string, string?> ObjectLambdaConfiguration() => new()
    {
        ["S3Emulator__InitialBuckets__0"] = "plugin-data",
        ["S3Emulator__AccessPoints__0__Name"] = "plugin-ap",
        ["S3Emulator__AccessPoints__0__Bucket"] = "plugin-data",
        ["S3Emulator__Roles__0__Name"] = "olap-function",
        ["S3Emulator__Roles__0__TrustPolicy__Document"] =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
        ["S3Emulator__Roles__0__Policies__0__Name"] = "write-get-object-response",
        ["S3Emulator__Roles__0__Policies__0__Document"] =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:WriteGetObjectResponse","Resource":"*"}]}""",
        ["S3Emulator__Functions__0__Arn"] = "uppercase",
        ["S3Emulator__Functions__0__Role"] = RoleArn,
        ["S3Emulator__ObjectLambdaAccessPoints__0__Name"] = "plugin-upper",
        ["S3Emulator__ObjectLambdaAccessPoints__0__SupportingAccessPoint"] = $"arn:aws:s3:us-east-1:{Account}:accesspoint/plugin-ap",
        ["S3Emulator__ObjectLambdaAccessPoints__0__TransformationConfigurations__0__Actions__0"] = "GetObject",
        ["S3Emulator__ObjectLambdaAccessPoints__0__TransformationConfigurations__0__FunctionArn"] = "uppercase",
    };

    private static async Task<JsonElement> LastInvocationAsync(int httpPort)
    {
        using var client = new HttpClient();
        using var journal = JsonDocument.Parse(await client.GetStringAsync($"http://localhost:{httpPort}/_s3emulator/journal"));
        var entry = journal.RootElement.EnumerateArray().LastOrDefault(e => e.GetProperty("operation").GetString() == "GetObject"
            && e.TryGetProperty("invocation", out var invocation) && invocation.ValueKind == JsonValueKind.Object);
        Assert.That(entry.ValueKind, Is.EqualTo(JsonValueKind.Object), $"the journal has no GetObject with an invocation:\n{journal.RootElement}");
        return entry.GetProperty("invocation").Clone();
    }
}
