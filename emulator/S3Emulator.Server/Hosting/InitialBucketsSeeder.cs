using Microsoft.Extensions.Hosting;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Services.S3.Handlers;

namespace S3Emulator.Server.Hosting;

/// <summary>Creates the configured initial buckets at start-up; an existing bucket is left as it is.</summary>
internal sealed class InitialBucketsSeeder(S3EmulatorOptions options, IObjectStore store, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in options.InitialBuckets)
        {
            await store.TryCreateBucketAsync(BucketDefaults.New(name, options.Region, options.AccountId, time.GetUtcNow(), options), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
