using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Server.Encryption;

/// <summary>Reads a plaintext range of a stored object, decrypting only the frames it touches.</summary>
internal static class PlaintextReader
{
    /// <param name="dataKey">The object's content key; null only for content stored in clear before encryption existed.</param>
    public static Stream Open(IStoredObject stored, ObjectInfo info, byte[]? dataKey, ByteRange range) =>
        dataKey is null
            ? stored.OpenRead(range)
            : ContentEncryption.OpenPlaintextRange(stored, dataKey, ContentSegment.Of(info), range);
}
