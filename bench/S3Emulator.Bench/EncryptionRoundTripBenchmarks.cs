using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using S3Emulator.Testing;

namespace S3Emulator.Bench;

/// <summary>
/// PUT then GET of a 1 MiB object through AWSSDK.S3 in-process, under each server-side encryption. SSE-S3 is
/// also the default, so "plaintext-equivalent" is measured by RoundTripBenchmarks on a build before encryption.
/// </summary>
[MemoryDiagnoser]
public class EncryptionRoundTripBenchmarks
{
    private S3EmulatorServer _emulator = null!;
    private AmazonS3Client _s3 = null!;
    private readonly byte[] _payload = RandomNumberGenerator.GetBytes(1024 * 1024);
    private readonly CustomerKeyFields _customerKey = new();

    [Params("SSE-S3", "SSE-KMS", "SSE-C")]
    public string Encryption { get; set; } = "";

    [GlobalSetup]
    public async Task StartAsync()
    {
        _emulator = await S3EmulatorServer.StartAsync(o => o.BlockSseCOnNewBuckets = false);
        // SSE-C needs HTTPS; in-process that is only the URL's scheme.
        _s3 = _emulator.CreateS3Client(c => c.ServiceURL = "https://localhost");
        await _s3.PutBucketAsync("bench");
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _s3.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark]
    public async Task PutThenGet1MiB()
    {
        var put = new PutObjectRequest { BucketName = "bench", Key = "object", InputStream = new MemoryStream(_payload) };
        var get = new GetObjectRequest { BucketName = "bench", Key = "object" };
        switch (Encryption)
        {
            case "SSE-KMS":
                put.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                break;
            case "SSE-C":
                (put.ServerSideEncryptionCustomerMethod, put.ServerSideEncryptionCustomerProvidedKey, put.ServerSideEncryptionCustomerProvidedKeyMD5) = _customerKey.Values;
                (get.ServerSideEncryptionCustomerMethod, get.ServerSideEncryptionCustomerProvidedKey, get.ServerSideEncryptionCustomerProvidedKeyMD5) = _customerKey.Values;
                break;
        }
        await _s3.PutObjectAsync(put);
        using var response = await _s3.GetObjectAsync(get);
        await response.ResponseStream.CopyToAsync(Stream.Null);
    }

}
