using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using S3Emulator.Testing;

namespace S3Emulator.Bench;

/// <summary>
/// A 1 MiB range GET out of an SSE-C object of 2 MiB and of 256 MiB: decryption touches only the frames in
/// the range, so both should cost about the same.
/// </summary>
[MemoryDiagnoser]
public class SseCRangeBenchmarks
{
    private const int MiB = 1024 * 1024;
    private S3EmulatorServer _emulator = null!;
    private AmazonS3Client _s3 = null!;
    private readonly CustomerKeyFields _customerKey = new();

    [Params(2, 256)]
    public int ObjectMiB { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        _emulator = await S3EmulatorServer.StartAsync(o => o.BlockSseCOnNewBuckets = false);
        _s3 = _emulator.CreateS3Client(c => c.ServiceURL = "https://localhost");
        await _s3.PutBucketAsync("bench");
        var put = new PutObjectRequest { BucketName = "bench", Key = "object", InputStream = new MemoryStream(RandomNumberGenerator.GetBytes(ObjectMiB * MiB)) };
        (put.ServerSideEncryptionCustomerMethod, put.ServerSideEncryptionCustomerProvidedKey, put.ServerSideEncryptionCustomerProvidedKeyMD5) = _customerKey.Values;
        await _s3.PutObjectAsync(put);
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _s3.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark]
    public async Task RangeGet1MiBFromTheMiddle()
    {
        var middle = ObjectMiB * MiB / 2L;
        var get = new GetObjectRequest { BucketName = "bench", Key = "object", ByteRange = new ByteRange(middle, middle + MiB - 1) };
        (get.ServerSideEncryptionCustomerMethod, get.ServerSideEncryptionCustomerProvidedKey, get.ServerSideEncryptionCustomerProvidedKeyMD5) = _customerKey.Values;
        using var response = await _s3.GetObjectAsync(get);
        await response.ResponseStream.CopyToAsync(Stream.Null);
    }

}
