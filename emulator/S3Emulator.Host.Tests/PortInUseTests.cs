using System.Net;
using System.Net.Sockets;

namespace S3Emulator.Host.Tests;

public sealed class PortInUseTests
{
    [Test]
    public async Task HttpPortInUse_PrintsOneLineNamingThePortAndTheOptions_AndExitsWithOne()
    {
        using var holder = HoldPort();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        await using var host = HostProcess.Start(["--http-port", port.ToString(), "--https-port", "0"]);
        var exitCode = await host.WaitForExitAsync();

        AssertOneClearLine(host.Output, exitCode, port);
    }

    [Test]
    public async Task HttpsPortInUse_PrintsOneLineNamingThePortAndTheOptions_AndExitsWithOne()
    {
        using var holder = HoldPort();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var data = Directory.CreateTempSubdirectory("s3emulator-host-").FullName;
        try
        {
            await using var host = HostProcess.Start(["--http-port", HostProcess.FreePort().ToString(), "--https-port", port.ToString(), "--data", data]);
            var exitCode = await host.WaitForExitAsync();

            AssertOneClearLine(host.Output, exitCode, port);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void AssertOneClearLine(string output, int exitCode, int port)
    {
        Assert.That(exitCode, Is.EqualTo(1), output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output);
        Assert.That(lines[0], Does.Contain(port.ToString()).And.Contain("--http-port").And.Contain("--https-port"));
        Assert.That(output, Does.Not.Contain(" at ").And.Not.Contain("Exception"));
    }

    private static TcpListener HoldPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }
}
