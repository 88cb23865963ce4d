namespace S3Emulator.Host.Tests;

/// <summary>
/// The optional configuration file (<c>--config</c>, <c>S3EMULATOR_CONFIG</c>; the image names
/// <c>/etc/s3emulator/s3emulator.json</c>): shaped like appsettings.json, overridden by the environment and the switches.
/// </summary>
public sealed class ConfigurationFileTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("s3emulator-config-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task AFileNamedByTheSwitch_ConfiguresTheEmulator()
    {
        var file = WriteConfiguration("eu-west-1");

        await using var host = await StartAsync(["--config", file]);

        Assert.That(Banner.Value(host.Output, "region"), Is.EqualTo("eu-west-1"));
    }

    [Test]
    public async Task AFileNamedByTheEnvironment_ConfiguresTheEmulator()
    {
        var file = WriteConfiguration("eu-west-1");

        await using var host = await StartAsync(environment: new Dictionary<string, string?> { ["S3EMULATOR_CONFIG"] = file });

        Assert.That(Banner.Value(host.Output, "region"), Is.EqualTo("eu-west-1"));
    }

    [Test]
    public async Task AnEnvironmentVariable_OverridesTheFile()
    {
        var file = WriteConfiguration("eu-west-1");

        await using var host = await StartAsync(["--config", file],
            new Dictionary<string, string?> { ["S3Emulator__Region"] = "ap-south-1" });

        Assert.That(Banner.Value(host.Output, "region"), Is.EqualTo("ap-south-1"));
    }

    [Test]
    public async Task ACommandLineSetting_OverridesTheFile()
    {
        var file = WriteConfiguration("eu-west-1");

        await using var host = await StartAsync(["--config", file, "--S3Emulator:Region=sa-east-1"]);

        Assert.That(Banner.Value(host.Output, "region"), Is.EqualTo("sa-east-1"));
    }

    [Test]
    public async Task AMissingFileNamedByTheEnvironment_IsNoError()
    {
        await using var host = await StartAsync(environment: new Dictionary<string, string?>
        {
            ["S3EMULATOR_CONFIG"] = Path.Combine(_folder, "absent", "s3emulator.json"),
        });

        Assert.That(Banner.Value(host.Output, "region"), Is.EqualTo("us-east-1"));
    }

    [Test]
    public async Task AMissingFileNamedByTheSwitch_PrintsOneLineNamingIt_AndExitsWithOne()
    {
        var missing = Path.Combine(_folder, "absent.json");
        await using var host = HostProcess.Start(["--http-port", HostProcess.FreePort().ToString(), "--https-port", "0", "--config", missing]);

        var exitCode = await host.WaitForExitAsync();

        Assert.That(exitCode, Is.EqualTo(1), host.Output);
        Assert.That(host.Output.Trim(), Is.EqualTo($"--config names '{missing}', which does not exist."));
    }

    // The banner's last line: the region line is printed by then.
    private static async Task<HostProcess> StartAsync(IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var host = await HostProcess.StartReadyAsync(arguments, environment);
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));
        return host;
    }

    private string WriteConfiguration(string region)
    {
        var file = Path.Combine(_folder, "s3emulator.json");
        File.WriteAllText(file, $$"""{ "S3Emulator": { "Region": "{{region}}" } }""");
        return file;
    }
}
