namespace S3Emulator.Core.Encryption;

/// <summary>Where frames sit inside one segment; pure arithmetic, so lengths and offsets never need the data.</summary>
internal static class FrameLayout
{
    public const int FrameSize = ContentEncryption.PlaintextFrameSize;
    public const int TagSize = ContentEncryption.TagSize;
    public const int HeaderSize = ContentEncryption.SegmentHeaderSize;
    public const int CipherFrameSize = FrameSize + TagSize;

    /// <summary>Frames in a segment; an empty segment still has one (empty, final) frame so it is authenticated too.</summary>
    public static long FrameCount(long plaintextLength) =>
        plaintextLength == 0 ? 1 : (plaintextLength / FrameSize) + (plaintextLength % FrameSize == 0 ? 0 : 1);

    public static long SegmentCiphertextLength(long plaintextLength) =>
        HeaderSize + (FrameCount(plaintextLength) * TagSize) + plaintextLength;

    /// <summary>Offset of frame <paramref name="frameIndex"/> from the start of its segment.</summary>
    public static long FrameOffset(long frameIndex) => HeaderSize + (frameIndex * CipherFrameSize);

    public static int FramePlaintextLength(long segmentPlaintextLength, long frameIndex) =>
        (int)Math.Min(FrameSize, segmentPlaintextLength - (frameIndex * FrameSize));

    public static bool IsFinal(long segmentPlaintextLength, long frameIndex) =>
        frameIndex == FrameCount(segmentPlaintextLength) - 1;
}
