using S3Emulator.Core.Model;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// One independently framed piece of an object's stored content: the single PUT body (part number 0) or one
/// multipart part. A completed multipart object is its parts' ciphertexts concatenated in order.
/// </summary>
/// <param name="PartNumber">0 for a single PUT; otherwise the part number the part was encrypted with.</param>
/// <param name="PlaintextSize">The part's plaintext length in bytes.</param>
public readonly record struct ContentSegment(int PartNumber, long PlaintextSize)
{
    /// <summary>The one segment of an object written by a single PUT (or copy).</summary>
    public static IReadOnlyList<ContentSegment> SinglePut(long plaintextSize) => [new(0, plaintextSize)];

    /// <summary>The segments of <paramref name="info"/>, whose <see cref="ObjectInfo.Size"/> and part sizes are plaintext sizes.</summary>
    public static IReadOnlyList<ContentSegment> Of(ObjectInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.Parts.Count == 0
            ? SinglePut(info.Size)
            : info.Parts.Select(p => new ContentSegment(p.PartNumber, p.Size)).ToArray();
    }
}
