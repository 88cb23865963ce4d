using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests;

/// <summary>Starts an in-process emulator reachable over the given transport (containers: <see cref="ContainerEmulatorFactory"/>).</summary>
internal static class EmulatorFactory
{
    public static Task<S3EmulatorServer> StartAsync(
        Transport transport, Action<S3EmulatorOptions> configure, Microsoft.Extensions.Logging.ILoggerProvider? logs = null)
    {
        // The per-request log line is on, as in the executable, so that the tests which search the logs for
        // secrets search it too.
        Action<S3EmulatorOptions> logged = options =>
        {
            options.RequestLog = true;
            configure(options);
        };
        return Start(transport, logged, logs);
    }

    private static Task<S3EmulatorServer> Start(
        Transport transport, Action<S3EmulatorOptions> configure, Microsoft.Extensions.Logging.ILoggerProvider? logs) => transport switch
    {
        Transport.InProcess => S3EmulatorServer.StartAsync(configure, logs),
        Transport.LoopbackHttp => S3EmulatorServer.StartLoopbackAsync(configure, logs: logs),
        Transport.LoopbackHttps => S3EmulatorServer.StartLoopbackAsync(configure, preferHttps: true, logs: logs),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };
}
