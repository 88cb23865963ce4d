using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using S3Emulator.Testing;

namespace S3Emulator.Bench;

/// <summary>PUT then GET of one object through AWSSDK.S3, in-process and over loopback HTTP.</summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private S3EmulatorServer _emulator = null!;
    private AmazonS3Client _s3 = null!;
    private byte[] _payload = [];

    [Params(1024 * 1024)]
    public int Size { get; set; }

    [Params(false, true)]
    public bool Loopback { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        _emulator = Loopback ? await S3EmulatorServer.StartLoopbackAsync() : await S3EmulatorServer.StartAsync();
        _s3 = _emulator.CreateS3Client();
        await _s3.PutBucketAsync("bench");
        _payload = new byte[Size];
        Random.Shared.NextBytes(_payload);
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _s3.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark]
    public async Task PutThenGet()
    {
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "bench", Key = "object", InputStream = new MemoryStream(_payload) });
        using var response = await _s3.GetObjectAsync("bench", "object");
        await response.ResponseStream.CopyToAsync(Stream.Null);
    }
}
