using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;

namespace S3Emulator.Bench;

/// <summary>
/// What S3 Object Lambda costs a GET: the same object read plainly from its bucket (the baseline) and through an Object
/// Lambda access point by ARN whose identity transform hands it back unchanged — an invocation, the function's GET of
/// <c>inputS3Url</c> and its streamed WriteGetObjectResponse on top of the plain read. Both over the same client and
/// transport (HTTPS, virtual-hosted). The HTTP function host needs a loopback emulator to call back, so the in-process
/// transport runs only the in-process host.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project bench/S3Emulator.Bench -- --filter '*ObjectLambdaBenchmarks*' --buildTimeout 900</c>;
/// the memory of a large transformed GET is <c>-- --olap-memory</c> (<see cref="ObjectLambdaMemoryCheck"/>).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ShortConfig))]
public class ObjectLambdaBenchmarks
{
    private ObjectLambdaRig _rig = null!;
    private string _key = "";

    [Params(BenchTransport.InProcess, BenchTransport.LoopbackHttps)]
    public BenchTransport Transport { get; set; }

    [Params(4 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [Params(BenchFunctionHost.InProcess, BenchFunctionHost.Http)]
    public BenchFunctionHost Host { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        _rig = await ObjectLambdaRig.StartAsync(Transport, Host);
        _key = $"object-{Size}";
        var payload = RandomNumberGenerator.GetBytes(Size);
        await _rig.Client.PutObjectAsync(new PutObjectRequest { BucketName = ObjectLambdaRig.Bucket, Key = _key, InputStream = new MemoryStream(payload) });

        // One transformed read before measuring: a setup that fails does so here, not as a fast error in the numbers.
        var length = await GetAsync(_rig.OlapArn);
        if (length != Size) throw new InvalidOperationException($"The identity transform returned {length} bytes of {Size}.");
    }

    [GlobalCleanup]
    public async Task StopAsync() => await _rig.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task<long> PlainGet() => GetAsync(ObjectLambdaRig.Bucket);

    [Benchmark]
    public Task<long> ObjectLambdaGet() => GetAsync(_rig.OlapArn);

    private async Task<long> GetAsync(string bucket)
    {
        using var response = await _rig.Client.GetObjectAsync(bucket, _key);
        var sink = new CountingSink();
        await response.ResponseStream.CopyToAsync(sink);
        return sink.Length;
    }

    // ShortRun's 3 iterations keep the 12 cases (each in its own process) near ten minutes on two cores; the spread
    // they leave is small next to the overhead measured. InProcess transport with the HTTP host cannot exist (see above).
    private sealed class ShortConfig : ManualConfig
    {
        public ShortConfig()
        {
            AddJob(Job.ShortRun);
            AddFilter(new SimpleFilter(c => !(Equals(c.Parameters[nameof(Transport)], BenchTransport.InProcess)
                && Equals(c.Parameters[nameof(Host)], BenchFunctionHost.Http))));
        }
    }
}
