namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>The promises a kill must keep; each test of <see cref="KillDuringWritesTests"/> checks one.</summary>
internal enum Promise
{
    /// <summary>An acknowledged write survives with exactly the bytes sent (or a later write's).</summary>
    AcknowledgedWritesSurvive,

    /// <summary>An interrupted overwrite leaves a whole version: the previous one or a new one, never a mix, an error or nothing.</summary>
    InterruptedOverwritesLeaveAWholeVersion,

    /// <summary>ListObjectsV2, HEAD and GET agree on which keys exist and on their sizes and ETags.</summary>
    IndexAndDataAgree,

    /// <summary>After the restart, the data directory holds the live objects and little else.</summary>
    NoDebrisAfterRestart,

    /// <summary>Before the kill, every write succeeds.</summary>
    WritesSucceedBeforeTheKill,
}

internal sealed record Violation(Promise Promise, string What);

/// <summary>
/// Which versions a key may hold after a kill, given what clients sent. A write is <em>superseded</em> when it was
/// acknowledged and some other acknowledged write was sent after its 200 came back; a write the kill met in flight is
/// never superseded (it may have committed just before the kill, its 200 lost). The key may hold the round's survivor
/// (what the last restart found) unless any write to it was acknowledged, or any write not superseded. Nothing else:
/// not a mix of two versions, not an older version, not nothing when something was there or acknowledged.
/// </summary>
internal static class VersionJudge
{
    public static IEnumerable<Violation> Judge(string address, KeyHistory history, ObjectVersion? found)
    {
        var attempts = history.Attempts.ToList();
        var acknowledged = attempts.Where(a => a.Acknowledged is not null).ToList();
        var lastAcknowledgedSend = acknowledged.Count == 0 ? (long?)null : acknowledged.Max(a => a.Sent);
        bool Superseded(WriteAttempt a) => a.Acknowledged is { } done && lastAcknowledgedSend > done;
        var survivorAllowed = acknowledged.Count == 0;

        if (found is null)
        {
            if (acknowledged.Count > 0)
            {
                yield return new Violation(Promise.AcknowledgedWritesSurvive,
                    $"{address}: missing after the restart, though {acknowledged.Count} write(s) to it were acknowledged");
            }
            else if (history.Survivor is not null)
            {
                yield return new Violation(Promise.InterruptedOverwritesLeaveAWholeVersion,
                    $"{address}: missing after the restart; it held {Describe(history.Survivor)} before the interrupted overwrite(s)");
            }
            yield break;
        }

        var matches = attempts.Where(a => a.Version.Sha256 == found.Sha256 && a.Version.Length == found.Length).ToList();
        var isSurvivor = history.Survivor is { } s && s.Sha256 == found.Sha256 && s.Length == found.Length;
        if (matches.Count == 0 && !isSurvivor)
        {
            yield return new Violation(
                acknowledged.Count > 0 ? Promise.AcknowledgedWritesSurvive : Promise.InterruptedOverwritesLeaveAWholeVersion,
                $"{address}: holds {Describe(found)}, bytes no client sent (a torn or mixed object); " +
                $"{attempts.Count} write(s) this round, {acknowledged.Count} acknowledged, before it held {Describe(history.Survivor)}");
            yield break;
        }

        var allowed = matches.Where(a => !Superseded(a)).ToList();
        if (allowed.Count == 0 && !(isSurvivor && survivorAllowed))
        {
            var latest = acknowledged.MaxBy(a => a.Sent)!;
            yield return new Violation(Promise.AcknowledgedWritesSurvive,
                $"{address}: holds an older version {Describe(found)}; the {latest.Workload} write sent at tick {latest.Sent} was acknowledged " +
                $"after that version was, so a later acknowledged write was lost");
            yield break;
        }

        // The version found must carry its own ETag, not another version's: a record and a content file of two versions.
        var expected = allowed.Select(a => a.AcknowledgedETag ?? a.Version.ETag)
            .Concat(isSurvivor && survivorAllowed ? [history.Survivor!.ETag] : [])
            .ToList();
        if (expected.Count > 0 && expected.All(e => e is not null) && !expected.Contains(found.ETag))
        {
            yield return new Violation(Promise.IndexAndDataAgree,
                $"{address}: its bytes are those of a write whose ETag was {string.Join(" or ", expected)}, but it is served with ETag {found.ETag}");
        }
    }

    /// <summary>A key HEAD or GET failed on (a 500, say): whatever it held, or was acknowledged to hold, is not whole.</summary>
    public static IEnumerable<Violation> JudgeUnreadable(string address, KeyHistory history)
    {
        var acknowledged = history.Attempts.Count(a => a.Acknowledged is not null);
        if (acknowledged > 0)
        {
            yield return new Violation(Promise.AcknowledgedWritesSurvive,
                $"{address}: unreadable after the restart (its HEAD or GET failed), though {acknowledged} write(s) to it were acknowledged");
        }
        else if (history.Survivor is not null)
        {
            yield return new Violation(Promise.InterruptedOverwritesLeaveAWholeVersion,
                $"{address}: unreadable after the restart (its HEAD or GET failed); it held {Describe(history.Survivor)} before the interrupted overwrite(s)");
        }
    }

    private static string Describe(ObjectVersion? version) =>
        version is null ? "nothing" : $"{version.Length} bytes, SHA-256 {version.Sha256[..12]}…, ETag {version.ETag}";
}
