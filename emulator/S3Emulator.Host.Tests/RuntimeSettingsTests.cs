using System.Text.Json;

namespace S3Emulator.Host.Tests;

/// <summary>
/// The runtime settings the host ships in its runtimeconfig.json because bench/measure-streaming-rss.sh measured them
/// against INVARIANTS.md's 100 MiB for a 1 GiB transfer: they hold however the host is started, not only in the image.
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
    public void TheHost_RunsWithoutTieredPgo_SoHotMethodsAreNotCompiledAThirdTime()
    {
        // The instrumented tier's extra compilations held 3-5 MiB more at a 1 GiB transfer's peak.
        Assert.That(ConfigProperties().GetProperty("System.Runtime.TieredPGO").GetBoolean(), Is.False);
    }

    [Test]
    public void TheHost_RunsOnTheServerGarbageCollector_WhoseAdaptiveGen0KeepsATransfersPeakLowest()
    {
        // Workstation GC's larger gen0 budget peaked 10-18 MiB higher in the same 1 GiB transfers (SSE-C GET 113 MiB).
        Assert.That(ConfigProperties().GetProperty("System.GC.Server").GetBoolean(), Is.True);
    }
}
