using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>Starts an emulator container, and when it does not become healthy, says why in the failure.</summary>
internal static class ContainerStartup
{
    /// <summary>
    /// Starts <paramref name="container"/>; on failure disposes it and throws with the container's own output, which says
    /// why it did not become healthy (a configuration error, a port in use).
    /// </summary>
    public static async Task StartOrExplainAsync(S3EmulatorContainer container)
    {
        try
        {
            await container.StartAsync();
        }
        catch (Exception e)
        {
            var output = await OutputAsync(container);
            await container.DisposeAsync();
            throw new InvalidOperationException($"The emulator container did not start: {e.Message}\n{output}", e);
        }
    }

    // The container's stdout and stderr, or why there are none (it was never created).
    private static async Task<string> OutputAsync(S3EmulatorContainer container)
    {
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync();
            return $"--- stdout\n{stdout}\n--- stderr\n{stderr}";
        }
        catch (Exception e)
        {
            return $"(no container output: {e.Message})";
        }
    }
}
