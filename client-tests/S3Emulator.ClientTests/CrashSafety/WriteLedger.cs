using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>One object as it is (or was meant to be): the SHA-256 and length of its bytes, and its ETag where known.</summary>
internal sealed record ObjectVersion(string Sha256, long Length, string? ETag)
{
    public static ObjectVersion Of(byte[] content, string? etag = null) =>
        new(Convert.ToHexString(SHA256.HashData(content)), content.Length, etag);
}

/// <summary>
/// One write a client sent (PutObject, CompleteMultipartUpload, CopyObject): what it carried, when it was sent and,
/// if it was, when its 200 came back. Times are ticks of <see cref="WriteLedger.Tick"/>, one clock for all writers.
/// </summary>
internal sealed class WriteAttempt(string workload, ObjectVersion version, long sent)
{
    public string Workload { get; } = workload;

    /// <summary>The bytes sent; its ETag is the one S3 must give them when that is known in advance (MD5 under SSE-S3).</summary>
    public ObjectVersion Version { get; } = version;

    public long Sent { get; } = sent;

    /// <summary>When the 200 came back; null when the kill met the write in flight.</summary>
    public long? Acknowledged { get; private set; }

    /// <summary>The ETag the 200 carried.</summary>
    public string? AcknowledgedETag { get; private set; }

    public void Acknowledge(long at, string? etag)
    {
        AcknowledgedETag = ETags.Normalize(etag);
        Acknowledged = at;
    }
}

/// <summary>Everything clients wrote to one key during a round, and what the key held when the round began.</summary>
internal sealed class KeyHistory
{
    private readonly ConcurrentQueue<WriteAttempt> _attempts = new();

    /// <summary>What the last restart found under the key (null: nothing), before this round's writes.</summary>
    public ObjectVersion? Survivor { get; private set; }

    public IReadOnlyCollection<WriteAttempt> Attempts => _attempts;

    public void Add(WriteAttempt attempt) => _attempts.Enqueue(attempt);

    /// <summary>Ends the round: what the restart found is what the next round overwrites.</summary>
    public void StartOver(ObjectVersion? found)
    {
        Survivor = found;
        _attempts.Clear();
    }
}

/// <summary>
/// What every client wrote, per bucket and key, with one logical clock: a write sent after another's 200 came back
/// has the larger tick, which is all the judgement of an overwrite needs (see <see cref="VersionJudge"/>).
/// </summary>
internal sealed class WriteLedger
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), KeyHistory> _keys = new();
    private long _clock;

    public long Tick() => Interlocked.Increment(ref _clock);

    public IEnumerable<(string Bucket, string Key, KeyHistory History)> Keys =>
        _keys.Select(k => (k.Key.Bucket, k.Key.Key, k.Value));

    public IEnumerable<string> KeysIn(string bucket) => _keys.Keys.Where(k => k.Bucket == bucket).Select(k => k.Key);

    public KeyHistory History(string bucket, string key) => _keys.GetOrAdd((bucket, key), _ => new KeyHistory());

    /// <summary>Records a write about to be sent; call <see cref="WriteAttempt.Acknowledge"/> with <see cref="Tick"/> when its 200 arrives.</summary>
    public WriteAttempt Sending(string workload, string bucket, string key, ObjectVersion version)
    {
        var attempt = new WriteAttempt(workload, version, Tick());
        History(bucket, key).Add(attempt);
        return attempt;
    }
}

internal static class ETags
{
    public static string? Normalize(string? etag) => etag?.Trim('"');
}
