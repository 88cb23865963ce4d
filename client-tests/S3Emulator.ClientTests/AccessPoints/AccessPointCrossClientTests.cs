using System.Text.Json;
using S3Emulator.ClientTests.CrossClient;

namespace S3Emulator.ClientTests.AccessPoints;

/// <summary>
/// The AWS CLI (botocore) against S3 Control and access points at the hosts it builds itself —
/// <c>{account}.s3-control.{region}.amazonaws.com</c>, <c>{name}-{account}.s3-accesspoint.{region}.amazonaws.com</c> and
/// the alias as a bucket — reached through the fixture's HostRedirectProxy over both loopback transports.
/// </summary>
public sealed class AccessPointCrossClientTests(Transport transport) : ExternalClientTestBase(transport)
{
    private const string Account = "123456789012";

    protected override bool ThroughHostRedirectProxy => true;

    [Test]
    public async Task AwsCli_CreatesAnAccessPoint_AndWritesAndReadsThroughItsArnAndAlias()
    {
        await RequireAsync("aws", "--version");
        var bucket = await CreateBucketAsync("cli-ap");
        var name = "cli-" + Guid.NewGuid().ToString("N")[..12];
        var arn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{name}";
        var body = Path.Combine(Client.Folder, "body.txt");
        await File.WriteAllTextAsync(body, "through the CLI");
        var copy = Path.Combine(Client.Folder, "copy.txt");

        var created = JsonDocument.Parse(await AwsAsync("s3control", "create-access-point", "--account-id", Account, "--name", name, "--bucket", bucket));
        var alias = created.RootElement.GetProperty("Alias").GetString()!;
        await AwsAsync("s3api", "put-object", "--bucket", arn, "--key", "dir/a b.txt", "--body", body);
        await AwsAsync("s3api", "get-object", "--bucket", alias, "--key", "dir/a b.txt", copy);
        var described = JsonDocument.Parse(await AwsAsync("s3control", "get-access-point", "--account-id", Account, "--name", name));
        var listed = JsonDocument.Parse(await AwsAsync("s3control", "list-access-points", "--account-id", Account, "--bucket", bucket));
        var (exitCode, _, missing) = await Client.RunAsync("aws", "s3control", "get-access-point-policy", "--account-id", Account, "--name", name);

        Assert.Multiple(async () =>
        {
            Assert.That(created.RootElement.GetProperty("AccessPointArn").GetString(), Is.EqualTo(arn));
            Assert.That(await File.ReadAllTextAsync(copy), Is.EqualTo("through the CLI"));
            Assert.That(await GetTextAsync(bucket, "dir/a b.txt"), Is.EqualTo("through the CLI"));
            Assert.That(described.RootElement.GetProperty("Bucket").GetString(), Is.EqualTo(bucket));
            Assert.That(described.RootElement.GetProperty("PublicAccessBlockConfiguration").GetProperty("BlockPublicPolicy").GetBoolean(), Is.True);
            Assert.That(listed.RootElement.GetProperty("AccessPointList").EnumerateArray().Select(a => a.GetProperty("Name").GetString()),
                Is.EqualTo(new[] { name }));
            Assert.That(exitCode, Is.Not.EqualTo(0));
            Assert.That(missing, Does.Contain("NoSuchAccessPointPolicy"));
        });
    }

    private async Task<string> AwsAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await Client.RunAsync("aws", arguments);
        Assert.That(exitCode, Is.EqualTo(0), $"aws {string.Join(' ', arguments)}\n{error}");
        return output;
    }
}
