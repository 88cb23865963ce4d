using System.Text.Json;
using S3Emulator.ClientTests.CrossClient;

namespace S3Emulator.ClientTests.ObjectLambda.Control;

/// <summary>
/// The AWS CLI (botocore) creating and describing an Object Lambda access point at the host it builds itself,
/// <c>{account}.s3-control.{region}.amazonaws.com</c>, reached through the fixture's HostRedirectProxy.
/// </summary>
public sealed class ObjectLambdaControlCrossClientTests(Transport transport) : ExternalClientTestBase(transport)
{
    private const string Account = "123456789012";

    protected override bool ThroughHostRedirectProxy => true;

    [Test]
    public async Task AwsCli_CreatesAnObjectLambdaAccessPoint_AndReadsItsConfigurationBack()
    {
        await RequireAsync("aws", "--version");
        var bucket = await CreateBucketAsync("cli-olap");
        var supporting = "cli-ap-" + Guid.NewGuid().ToString("N")[..12];
        var name = "cli-olap-" + Guid.NewGuid().ToString("N")[..12];
        await AwsAsync("s3control", "create-access-point", "--account-id", Account, "--name", supporting, "--bucket", bucket);
        var configuration = JsonSerializer.Serialize(new
        {
            SupportingAccessPoint = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{supporting}",
            CloudWatchMetricsEnabled = false,
            AllowedFeatures = new[] { "GetObject-Range" },
            TransformationConfigurations = new[]
            {
                new
                {
                    Actions = new[] { "GetObject", "HeadObject" },
                    ContentTransformation = new { AwsLambda = new { FunctionArn = $"arn:aws:lambda:us-east-1:{Account}:function:redact", FunctionPayload = "{\"field\":\"ssn\"}" } },
                },
            },
        });

        var created = JsonDocument.Parse(await AwsAsync(
            "s3control", "create-access-point-for-object-lambda", "--account-id", Account, "--name", name, "--configuration", configuration));
        var described = JsonDocument.Parse(await AwsAsync(
            "s3control", "get-access-point-configuration-for-object-lambda", "--account-id", Account, "--name", name));
        var got = JsonDocument.Parse(await AwsAsync("s3control", "get-access-point-for-object-lambda", "--account-id", Account, "--name", name));

        var read = described.RootElement.GetProperty("Configuration");
        var transformation = read.GetProperty("TransformationConfigurations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(created.RootElement.GetProperty("ObjectLambdaAccessPointArn").GetString(),
                Is.EqualTo($"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/{name}"));
            Assert.That(created.RootElement.GetProperty("Alias").GetProperty("Status").GetString(), Is.EqualTo("READY"));
            Assert.That(got.RootElement.GetProperty("Alias").GetProperty("Value").GetString(),
                Is.EqualTo(created.RootElement.GetProperty("Alias").GetProperty("Value").GetString()));
            Assert.That(read.GetProperty("SupportingAccessPoint").GetString(), Is.EqualTo($"arn:aws:s3:us-east-1:{Account}:accesspoint/{supporting}"));
            Assert.That(read.GetProperty("AllowedFeatures").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "GetObject-Range" }));
            Assert.That(transformation.GetProperty("Actions").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "GetObject", "HeadObject" }));
            Assert.That(transformation.GetProperty("ContentTransformation").GetProperty("AwsLambda").GetProperty("FunctionPayload").GetString(),
                Is.EqualTo("{\"field\":\"ssn\"}"));
        });
    }

    private async Task<string> AwsAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await Client.RunAsync("aws", arguments);
        Assert.That(exitCode, Is.EqualTo(0), $"aws {string.Join(' ', arguments)}\n{error}");
        return output;
    }
}
