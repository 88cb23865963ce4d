using System.Collections.Concurrent;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>What one round of writes, kill and restart showed.</summary>
internal sealed record RoundReport(
    int Round, IReadOnlyList<Violation> Violations, int Acknowledged, int InFlight, int OverwritesInFlight,
    long LiveBytes, long DiskBytes, long DiskUpperBound);

/// <summary>
/// Rounds of: every workload's writers write to the host until each workload has had a few writes acknowledged and a
/// random moment more has passed; the host process is killed with SIGKILL under the writes in flight; it restarts on
/// the same data directory; then every bucket is surveyed through the S3 API, every key judged against the ledger,
/// and the data directory's size checked against the live objects'.
/// </summary>
internal sealed class KillRounds(string root, int seed, TextWriter log)
{
    private static readonly TimeSpan WritePatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaximumExtraWrite = TimeSpan.FromMilliseconds(400);

    private readonly string _data = Path.Combine(root, "data");
    private readonly string _home = Path.Combine(root, "home");
    private readonly WriteLedger _ledger = new();
    private readonly Random _random = new(seed);

    public async Task<IReadOnlyList<RoundReport>> RunAsync(IReadOnlyList<Workload> workloads, IReadOnlyDictionary<string, Sse> buckets, int rounds)
    {
        Directory.CreateDirectory(_data);
        Directory.CreateDirectory(_home);
        var reports = new List<RoundReport>();
        var host = await KillableHost.StartAsync(_data, _home);
        try
        {
            using (var s3 = host.CreateS3Client())
            {
                foreach (var (bucket, sse) in buckets)
                {
                    await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
                    if (sse.NeedsHttps) await Encryption.SseCTestKit.AllowSseCAsync(s3, bucket);
                }
            }
            var baseline = DataDirectory.TotalBytes(_data);

            for (var round = 1; round <= rounds; round++)
            {
                var violations = new List<Violation>();
                var phase = Stopwatch.StartNew();
                await WriteUntilKilledAsync(host, workloads, round, violations);
                var writing = phase.Elapsed;
                await host.DisposeAsync();
                host = await KillableHost.StartAsync(_data, _home);
                var restarting = phase.Elapsed - writing;
                reports.Add(await SurveyAsync(host, buckets, round, baseline, violations));
                log.WriteLine(Describe(reports[^1]));
                log.WriteLine($"  writing and kill {writing.TotalSeconds:F1} s, restart {restarting.TotalSeconds:F1} s, survey {(phase.Elapsed - writing - restarting).TotalSeconds:F1} s");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
        return reports;
    }

    private async Task WriteUntilKilledAsync(KillableHost host, IReadOnlyList<Workload> workloads, int round, List<Violation> violations)
    {
        using var http = host.CreateS3Client();
        using var https = host.CreateS3Client(https: true);
        var acknowledged = new ConcurrentDictionary<Workload, int>();
        var failures = new ConcurrentBag<Violation>();
        var killed = 0;

        var writers = workloads.ToDictionary(workload => workload, workload => Enumerable.Range(0, workload.Writers).Select(writer =>
        {
            var context = new WriterContext(
                workload.Sse.NeedsHttps ? https : http, _ledger, new Random(_random.Next()), workload.Name, round, writer);
            return Task.Run(async () =>
            {
                while (Volatile.Read(ref killed) == 0)
                {
                    try
                    {
                        await workload.WriteOnceAsync(context);
                        acknowledged.AddOrUpdate(workload, 1, (_, n) => n + 1);
                    }
                    catch (Exception) when (Volatile.Read(ref killed) != 0)
                    {
                        // The kill met this write in flight: it was never acknowledged, and the ledger says so.
                    }
                    catch (Exception e)
                    {
                        failures.Add(new Violation(Promise.WritesSucceedBeforeTheKill, $"a {workload.Name} write failed before the kill: {e.GetType().Name}: {e.Message}"));
                        return;
                    }
                }
            });
        }).ToList());

        // Every workload has written something this round; then the kill comes at a random moment among the writes.
        var waited = Stopwatch.StartNew();
        bool Lagging(Workload w) => acknowledged.GetValueOrDefault(w) < w.AcknowledgedBeforeKill && !writers[w].All(t => t.IsCompleted);
        while (workloads.Any(Lagging) && waited.Elapsed < WritePatience)
        {
            await Task.Delay(10);
        }
        foreach (var slow in workloads.Where(w => acknowledged.GetValueOrDefault(w) < w.AcknowledgedBeforeKill))
        {
            violations.Add(new Violation(Promise.WritesSucceedBeforeTheKill,
                $"{slow.Name} had only {acknowledged.GetValueOrDefault(slow)} of {slow.AcknowledgedBeforeKill} writes acknowledged after {waited.Elapsed.TotalSeconds:F1} s"));
        }
        await Task.Delay(TimeSpan.FromMilliseconds(_random.Next((int)MaximumExtraWrite.TotalMilliseconds)));

        Volatile.Write(ref killed, 1);
        await host.KillAsync();
        await Task.WhenAll(writers.Values.SelectMany(w => w)).WaitAsync(WritePatience);
        violations.AddRange(failures);
    }

    private async Task<RoundReport> SurveyAsync(
        KillableHost host, IReadOnlyDictionary<string, Sse> buckets, int round, long baseline, List<Violation> violations)
    {
        using var http = host.CreateS3Client();
        using var https = host.CreateS3Client(https: true);
        using var timeout = new CancellationTokenSource(WritePatience);
        var (liveBytes, liveItems) = (0L, 0);
        var (acknowledged, inFlight, overwritesInFlight) = (0, 0, 0);
        var inFlightByWorkload = new Dictionary<string, int>();

        foreach (var (bucket, sse) in buckets)
        {
            var survey = await StoreSurvey.TakeAsync(sse.NeedsHttps ? https : http, bucket, _ledger.KeysIn(bucket), sse, timeout.Token);
            violations.AddRange(survey.Violations);
            liveBytes += survey.LiveBytes;
            liveItems += survey.LiveItems;

            foreach (var key in _ledger.KeysIn(bucket).ToList())
            {
                var history = _ledger.History(bucket, key);
                var attempts = history.Attempts.ToList();
                foreach (var a in attempts.Where(a => a.Acknowledged is null)) inFlightByWorkload[a.Workload] = inFlightByWorkload.GetValueOrDefault(a.Workload) + 1;
                acknowledged += attempts.Count(a => a.Acknowledged is not null);
                inFlight += attempts.Count(a => a.Acknowledged is null);
                overwritesInFlight += attempts.Count(a => a.Acknowledged is null
                    && (history.Survivor is not null || attempts.Any(b => b.Acknowledged < a.Sent)));

                if (survey.Found.TryGetValue(key, out var found))
                {
                    violations.AddRange(VersionJudge.Judge($"{bucket}/{key}", history, found));
                    history.StartOver(found);
                }
                else
                {
                    // Unreadable: judge the next round against what was there before.
                    violations.AddRange(VersionJudge.JudgeUnreadable($"{bucket}/{key}", history));
                    history.StartOver(history.Survivor);
                }
            }
        }

        log.WriteLine("  in flight: " + string.Join(", ", inFlightByWorkload.Select(p => $"{p.Value} {p.Key}")));
        var upperBound = DataDirectory.UpperBound(baseline, liveBytes, liveItems);
        var disk = await DataDirectory.SettledTotalAsync(_data, upperBound, TimeSpan.FromSeconds(5));
        if (disk > upperBound)
        {
            violations.Add(new Violation(Promise.NoDebrisAfterRestart,
                $"the data directory holds {disk:N0} bytes after the restart; the live objects and parts ({liveItems}) hold {liveBytes:N0}, " +
                $"so it may hold at most {upperBound:N0} (it held {baseline:N0} before any write): debris of the interrupted writes was left"));
        }
        if (disk < baseline + liveBytes)
        {
            violations.Add(new Violation(Promise.NoDebrisAfterRestart,
                $"the data directory holds {disk:N0} bytes, less than the {liveBytes:N0} the live objects hold: some listed object lacks its content, or the content lives elsewhere and this check measures nothing"));
        }

        return new RoundReport(
            round, [.. violations.Select(v => v with { What = $"round {round}: {v.What}" })],
            acknowledged, inFlight, overwritesInFlight, liveBytes, disk, upperBound);
    }

    private static string Describe(RoundReport r) =>
        $"round {r.Round}: {r.Acknowledged} writes acknowledged, {r.InFlight} in flight at the kill ({r.OverwritesInFlight} of them overwrites); " +
        $"after the restart {r.LiveBytes:N0} live bytes, {r.DiskBytes:N0} on disk (at most {r.DiskUpperBound:N0}); {r.Violations.Count} violation(s)";
}
