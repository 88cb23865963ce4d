using Microsoft.Extensions.Hosting;
using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// Builds the <see cref="FunctionRegistry"/> when the host starts, so that a bad function entry fails start-up with its
/// message instead of the first Object Lambda request.
/// </summary>
internal sealed class FunctionsStartupCheck(FunctionRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(registry);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
