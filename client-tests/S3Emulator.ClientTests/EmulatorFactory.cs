using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests;

/// <summary>Starts an emulator reachable over the given transport.</summary>
internal static class EmulatorFactory
{
    public static Task<S3EmulatorServer> StartAsync(
        Transport transport, Action<S3EmulatorOptions> configure, Microsoft.Extensions.Logging.ILoggerProvider? logs = null) => transport switch
    {
        Transport.InProcess => S3EmulatorServer.StartAsync(configure, logs),
        Transport.LoopbackHttp => S3EmulatorServer.StartLoopbackAsync(configure, logs: logs),
        Transport.LoopbackHttps => S3EmulatorServer.StartLoopbackAsync(configure, preferHttps: true, logs: logs),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };
}
