namespace S3Emulator.Core.Encryption;

/// <summary>A segment placed in the object: where its plaintext and its ciphertext start.</summary>
internal readonly record struct SegmentPlan(int PartNumber, long PlaintextStart, long PlaintextSize, long CiphertextStart)
{
    public long PlaintextEnd => PlaintextStart + PlaintextSize;

    public static SegmentPlan[] Build(IReadOnlyList<ContentSegment> segments)
    {
        var plans = new SegmentPlan[segments.Count];
        long plaintext = 0, ciphertext = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            var segment = segments[i];
            ArgumentOutOfRangeException.ThrowIfNegative(segment.PartNumber, nameof(segments));
            ArgumentOutOfRangeException.ThrowIfNegative(segment.PlaintextSize, nameof(segments));
            plans[i] = new SegmentPlan(segment.PartNumber, plaintext, segment.PlaintextSize, ciphertext);
            plaintext += segment.PlaintextSize;
            ciphertext += FrameLayout.SegmentCiphertextLength(segment.PlaintextSize);
        }

        return plans;
    }
}
