using Microsoft.Extensions.Hosting;
using S3Emulator.Core.Identity;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// Builds the <see cref="PrincipalDirectory"/> when the host starts (taking it as a dependency does), so that a bad
/// user or role entry fails start-up with its message instead of the first signed request.
/// </summary>
internal sealed class PrincipalsStartupCheck(PrincipalDirectory directory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(directory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
