using System.Diagnostics;
using System.Globalization;
using Amazon.S3.Model;
using S3Emulator.ExampleTransforms;
using S3Emulator.Transforms;

namespace S3Emulator.Bench;

/// <summary>
/// Not a timed benchmark: shows that a transformed GET's memory does not grow with the object. Uploads objects of each
/// size (streamed from a generated, non-seekable source into a file-system store in a temporary folder: the in-memory
/// store would hold them), then GETs each plainly and through the Object Lambda access point over loopback HTTPS, and
/// prints, per GET, the process's peak resident set (client, emulator and function all live in this process), the
/// peak managed heap and the bytes allocated. Flat means the 1 GiB row's peaks match the 64 MiB row's.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project bench/S3Emulator.Bench -- --olap-memory [--sizes 64,1024] [--host InProcess|Http]
/// [--transform identity|uppercase]</c>. Needs about 1.1 GiB of free disk per GiB of object; the folder is removed at
/// the end. The peak resident set is reset before each GET through <c>/proc/self/clear_refs</c> (Linux); elsewhere it
/// is sampled.
/// </remarks>
internal static class ObjectLambdaMemoryCheck
{
    public const string Switch = "--olap-memory";
    private const long MiB = 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (Option(args, "--sizes") ?? "64,1024").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture) * MiB).ToArray();
        var host = Enum.Parse<BenchFunctionHost>(Option(args, "--host") ?? nameof(BenchFunctionHost.InProcess), ignoreCase: true);
        var transformName = Option(args, "--transform") ?? "identity";
        IObjectLambdaTransform transform = transformName switch
        {
            "identity" => new IdentityTransform(),
            "uppercase" => new UppercaseTransform(),
            _ => throw new ArgumentException($"Unknown transform '{transformName}' (identity or uppercase)."),
        };

        var dataPath = Directory.CreateTempSubdirectory("s3emulator-olap-memory-").FullName;
        try
        {
            await using var rig = await ObjectLambdaRig.StartAsync(BenchTransport.LoopbackHttps, host, transform, dataPath);
            Console.WriteLine($"Object Lambda GET memory: loopback HTTPS, {host} function host, {transformName} transform, file-system store, server GC={System.Runtime.GCSettings.IsServerGC}");
            foreach (var size in sizes)
            {
                var upload = Stopwatch.StartNew();
                var put = new PutObjectRequest { BucketName = ObjectLambdaRig.Bucket, Key = Key(size), InputStream = new GeneratedTextStream(size) };
                put.Headers.ContentLength = size;
                await rig.Client.PutObjectAsync(put);
                Console.WriteLine($"uploaded {size / MiB} MiB in {upload.Elapsed.TotalSeconds:F1} s");
            }

            Console.WriteLine($"{"GET",-14} {"MiB",6} {"seconds",8} {"MiB/s",7} {"peak RSS MiB",13} {"peak heap MiB",14} {"allocated MiB",14}");
            foreach (var size in sizes)
            {
                foreach (var (label, bucket) in new[] { ("plain", ObjectLambdaRig.Bucket), ("object lambda", rig.OlapArn) })
                {
                    var measured = await MeasureAsync(() => GetAsync(rig, bucket, Key(size)));
                    if (measured.Bytes != size) throw new InvalidOperationException($"{label} GET of {size} bytes returned {measured.Bytes}.");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{label,-14} {size / MiB,6} {measured.Seconds,8:F1} {size / MiB / measured.Seconds,7:F0} {measured.PeakRss / (double)MiB,13:F0} {measured.PeakHeap / (double)MiB,14:F0} {measured.Allocated / (double)MiB,14:F1}"));
                }
            }
            return 0;
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static string Key(long size) => $"object-{size / MiB}MiB";

    private static async Task<long> GetAsync(ObjectLambdaRig rig, string bucket, string key)
    {
        using var response = await rig.Client.GetObjectAsync(bucket, key);
        var sink = new CountingSink();
        await response.ResponseStream.CopyToAsync(sink);
        return sink.Length;
    }

    private sealed record Measurement(long Bytes, double Seconds, long PeakRss, long PeakHeap, long Allocated);

    private static async Task<Measurement> MeasureAsync(Func<Task<long>> get)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var resetPeak = TryResetPeakRss();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var stop = new CancellationTokenSource();
        long sampledRss = Environment.WorkingSet, sampledHeap = GC.GetTotalMemory(false);
        // Sampling catches the managed heap's peak (no counter keeps it) and the resident set where it cannot be reset.
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                sampledRss = Math.Max(sampledRss, Environment.WorkingSet);
                sampledHeap = Math.Max(sampledHeap, GC.GetTotalMemory(false));
                try { await Task.Delay(10, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var clock = Stopwatch.StartNew();
        var bytes = await get();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peakRss = resetPeak && ReadPeakRss() is { } hwm ? Math.Max(hwm, sampledRss) : sampledRss;
        return new Measurement(bytes, seconds, peakRss, sampledHeap, allocated);
    }

    // Writing 5 to clear_refs resets VmHWM (Linux 4.0+), so each GET's peak is its own, not the upload's.
    private static bool TryResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static long? ReadPeakRss()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
