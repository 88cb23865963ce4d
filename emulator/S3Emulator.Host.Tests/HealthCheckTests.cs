namespace S3Emulator.Host.Tests;

/// <summary><c>--health-check</c>, which the image's HEALTHCHECK runs: exit 0 when the emulator on this machine is ready.</summary>
public sealed class HealthCheckTests
{
    [Test]
    public async Task HealthCheck_OfARunningEmulator_ExitsWithZero()
    {
        var port = HostProcess.FreePort();
        await using var emulator = await HostProcess.StartReadyAsync(["--http-port", port.ToString()]);

        await using var check = HostProcess.Start(["--health-check", "--http-port", port.ToString()]);

        Assert.That(await check.WaitForExitAsync(), Is.Zero, check.Output);
    }

    [Test]
    public async Task HealthCheck_OfAnEmulatorServingOnlyHttps_ExitsWithZero()
    {
        var port = HostProcess.FreePort();
        await using var emulator = await HostProcess.StartReadyAsync(["--http-port", "0", "--https-port", port.ToString()]);

        await using var check = HostProcess.Start(["--health-check", "--http-port", "0", "--https-port", port.ToString()]);

        Assert.That(await check.WaitForExitAsync(), Is.Zero, check.Output);
    }

    [Test]
    public async Task HealthCheck_WithNothingListening_ExitsWithOne_AndSaysWhy()
    {
        var port = HostProcess.FreePort();

        await using var check = HostProcess.Start(["--health-check", "--http-port", port.ToString()]);

        Assert.That(await check.WaitForExitAsync(), Is.EqualTo(1));
        Assert.That(check.Output, Does.StartWith($"http://127.0.0.1:{port}/_s3emulator/health did not answer"));
    }

    [Test]
    public async Task HealthCheck_ReadsThePortFromTheEnvironment_AsTheEmulatorDoes()
    {
        var port = HostProcess.FreePort();
        var environment = new Dictionary<string, string?> { ["S3Emulator__HttpPort"] = port.ToString(), ["S3Emulator__HttpsPort"] = "0" };
        await using var emulator = HostProcess.Start([], environment);
        await emulator.WaitForLineAsync(line => line.Contains(Banner.Ready, StringComparison.Ordinal));

        await using var check = HostProcess.Start(["--health-check"], environment);

        Assert.That(await check.WaitForExitAsync(), Is.Zero, check.Output);
    }
}
