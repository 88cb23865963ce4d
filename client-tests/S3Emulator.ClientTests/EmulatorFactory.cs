using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests;

/// <summary>Starts an emulator reachable over the given transport.</summary>
internal static class EmulatorFactory
{
    public static Task<S3EmulatorServer> StartAsync(Transport transport, Action<S3EmulatorOptions> configure) => transport switch
    {
        Transport.InProcess => S3EmulatorServer.StartAsync(configure),
        Transport.LoopbackHttp => S3EmulatorServer.StartLoopbackAsync(configure),
        Transport.LoopbackHttps => S3EmulatorServer.StartLoopbackAsync(configure, preferHttps: true),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };
}
