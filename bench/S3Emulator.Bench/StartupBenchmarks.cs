using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using S3Emulator.Testing;

namespace S3Emulator.Bench;

/// <summary>How long a test suite waits for an in-process emulator: start, first answered request, stop.</summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    [Benchmark]
    public async Task StartToFirstResponse()
    {
        await using var emulator = await S3EmulatorServer.StartAsync();
        using var s3 = emulator.CreateS3Client();
        await s3.ListBucketsAsync(new ListBucketsRequest());
    }
}
