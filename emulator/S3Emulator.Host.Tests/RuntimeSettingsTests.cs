using System.Text.Json;

namespace S3Emulator.Host.Tests;

/// <summary>
/// The garbage collector the host ships in its runtimeconfig.json, because bench/measure-streaming-rss.sh measured it
/// against INVARIANTS.md's 100 MiB for a 1 GiB transfer: it holds however the host is started, the image included.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.ChangeExtension(HostProcess.HostAssembly, ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Test]
    public void TheHost_RunsOnTheServerGarbageCollector_WhoseAdaptiveGen0KeepsATransfersPeakLowest()
    {
        // Workstation GC's larger gen0 budget peaked 10-18 MiB higher in the same 1 GiB transfers (SSE-C GET 113 MiB).
        Assert.That(ConfigProperties().GetProperty("System.GC.Server").GetBoolean(), Is.True);
    }

    [Test]
    public void TheImage_LeavesTheGarbageCollector_ToTheHostsRuntimeConfig()
    {
        // An environment variable in the image overrides runtimeconfig.json: DOTNET_gcServer=0 there once took the
        // container's 1 GiB SSE-C transfers to 103/111 MiB.
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot(), "emulator", "S3Emulator.Host", "Dockerfile"));
        var environment = dockerfile.Split('\n').Where(line => !line.TrimStart().StartsWith('#'));
        Assert.That(environment, Has.None.Contains("DOTNET_gcServer").And.None.Contains("DOTNET_GCgen0size"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Emulator.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Emulator.sln not found above " + AppContext.BaseDirectory);
    }
}
