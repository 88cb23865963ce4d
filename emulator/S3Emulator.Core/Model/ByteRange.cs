namespace S3Emulator.Core.Model;

/// <summary>
/// An inclusive byte range of an object: bytes <see cref="First"/> to <see cref="Last"/>.
/// <see cref="Whole"/> of an empty object is the empty range (0, -1), which every store must accept.
/// </summary>
public readonly record struct ByteRange(long First, long Last)
{
    public long Length => Last - First + 1;

    public static ByteRange Whole(long size) => new(0, size - 1);
}
