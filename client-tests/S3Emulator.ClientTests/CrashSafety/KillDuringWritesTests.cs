using System.Globalization;
using static S3Emulator.ClientTests.CrashSafety.Workload;

namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>
/// The file store's crash-safety promises, kept through SIGKILL of the host process (no Docker needed): three rounds
/// on one data directory, each writing with real AWS SDK clients — 4 KiB objects by the hundred, MiB objects,
/// SSE-S3, SSE-KMS, SSE-C over HTTPS, multipart uploads and copies, many writers to the same keys as well as fresh
/// keys — until the host is killed at a random moment among the writes, restarted, and everything checked.
/// The rounds run once for the fixture; each test checks one promise over every round.
/// </summary>
/// <remarks>
/// The random source's seed is printed; <c>S3EMULATOR_CRASH_SEED</c> replays a run's choices of keys, sizes and
/// kill delay (the kill's exact moment among the writes is the machine's).
/// </remarks>
[NonParallelizable]
public sealed class KillDuringWritesTests
{
    private const int Rounds = 3;
    private const string Plain = "crash-plain";
    private const string Kms = "crash-kms";
    private const string CustomerKeys = "crash-ssec";
    private const string Multiparts = "crash-multipart";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "s3emulator-crash-" + Guid.NewGuid().ToString("N"));
    private IReadOnlyList<RoundReport> _reports = [];

    [OneTimeSetUp]
    public async Task WriteKillAndRestart_ThreeTimes()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("S3EMULATOR_CRASH_SEED"), CultureInfo.InvariantCulture, out var s)
            ? s : Random.Shared.Next();
        TestContext.Progress.WriteLine($"{nameof(KillDuringWritesTests)}: seed {seed}");
        var customerKey = Sse.NewCustomerKey();
        Workload[] workloads =
        [
            new("4 KiB PutObject to fresh keys (SSE-S3)", Plain, Sse.S3, 3, 10, Put(Plain, Sse.S3, w => w.FreshKey("fresh"), Small, Small)),
            new("4 KiB PutObject over 12 shared keys (SSE-S3)", Plain, Sse.S3, 6, 10, Put(Plain, Sse.S3, w => w.SharedKey("hot", 12), Small, Small)),
            new("1-2 MiB PutObject over 2 shared keys (SSE-S3)", Plain, Sse.S3, 2, 2, Put(Plain, Sse.S3, w => w.SharedKey("big", 2), MiB, 2 * MiB)),
            new("1-2 MiB PutObject to fresh keys (SSE-S3)", Plain, Sse.S3, 1, 1, Put(Plain, Sse.S3, w => w.FreshKey("big-fresh"), MiB, 2 * MiB)),
            new("CopyObject over 4 shared keys", Plain, Sse.S3, 2, 3, Copy(Plain, 4)),
            new("4 KiB PutObject over 8 shared keys (SSE-KMS)", Kms, Sse.Kms, 3, 10, Put(Kms, Sse.Kms, w => w.SharedKey("hot", 8), Small, Small)),
            new("1-2 MiB PutObject over 2 shared keys (SSE-KMS)", Kms, Sse.Kms, 1, 1, Put(Kms, Sse.Kms, w => w.SharedKey("big", 2), MiB, 2 * MiB)),
            new("4 KiB PutObject over 8 shared keys (SSE-C, HTTPS)", CustomerKeys, customerKey, 3, 10, Put(CustomerKeys, customerKey, w => w.SharedKey("hot", 8), Small, Small)),
            new("1-2 MiB PutObject over 2 shared keys (SSE-C, HTTPS)", CustomerKeys, customerKey, 1, 1, Put(CustomerKeys, customerKey, w => w.SharedKey("big", 2), MiB, 2 * MiB)),
            new("multipart upload over 2 shared keys (SSE-S3 or SSE-KMS)", Multiparts, Sse.S3, 2, 1, Multipart(Multiparts, 2)),
        ];
        var buckets = new Dictionary<string, Sse> { [Plain] = Sse.S3, [Kms] = Sse.S3, [CustomerKeys] = customerKey, [Multiparts] = Sse.S3 };

        _reports = await new KillRounds(_root, seed, TestContext.Progress).RunAsync(workloads, buckets, Rounds);
    }

    [OneTimeTearDown]
    public void DeleteDataDirectory()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Test]
    public void EveryKill_MetWritesInFlight_IncludingOverwrites()
    {
        Assert.That(_reports, Has.Count.EqualTo(Rounds));
        Assert.Multiple(() =>
        {
            foreach (var report in _reports)
            {
                Assert.That(report.Acknowledged, Is.GreaterThan(0), $"round {report.Round} had writes acknowledged");
                Assert.That(report.InFlight, Is.GreaterThan(0), $"round {report.Round}'s kill met writes in flight");
            }
            Assert.That(_reports.Sum(r => r.OverwritesInFlight), Is.GreaterThan(0), "some kill met an overwrite in flight");
        });
    }

    [Test]
    public void EveryWrite_Succeeds_UntilTheKill() => AssertKept(Promise.WritesSucceedBeforeTheKill);

    [Test]
    public void AcknowledgedWrites_ReadBackWithTheBytesSent_AfterEveryRestart() => AssertKept(Promise.AcknowledgedWritesSurvive);

    [Test]
    public void InterruptedOverwrites_LeaveAWholeVersion_NeverAMixAnErrorOrNothing() => AssertKept(Promise.InterruptedOverwritesLeaveAWholeVersion);

    [Test]
    public void ListObjectsHeadAndGet_AgreeOnEveryKeySizeAndETag_AfterEveryRestart() => AssertKept(Promise.IndexAndDataAgree);

    [Test]
    public void TheDataDirectory_HoldsTheLiveObjectsAndNoDebris_AfterEveryRestart() => AssertKept(Promise.NoDebrisAfterRestart);

    private void AssertKept(Promise promise)
    {
        Assert.That(_reports, Has.Count.EqualTo(Rounds), "every round ran");
        var broken = _reports.SelectMany(r => r.Violations).Where(v => v.Promise == promise).Select(v => v.What).ToList();
        Assert.That(broken, Is.Empty, $"{broken.Count} violation(s):\n" + string.Join('\n', broken.Take(40)));
    }
}
