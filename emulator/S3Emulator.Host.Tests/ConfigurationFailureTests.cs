namespace S3Emulator.Host.Tests;

public sealed class ConfigurationFailureTests
{
    [Test]
    public async Task ARoleWithoutTrustPolicy_PrintsOneLineNamingTheEntry_AndExitsWithOne()
    {
        await using var host = HostProcess.Start(
            ["--http-port", HostProcess.FreePort().ToString(), "--https-port", "0", "--S3Emulator:Roles:0:Name=reader"]);
        var exitCode = await host.WaitForExitAsync();

        Assert.That(exitCode, Is.EqualTo(1), host.Output);
        Assert.That(host.Output.Trim(), Is.EqualTo("S3Emulator:Roles:0 'reader': TrustPolicy is missing: it says who may assume the role."));
    }
}
