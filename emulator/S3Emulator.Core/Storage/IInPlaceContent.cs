namespace S3Emulator.Core.Storage;

/// <summary>
/// A stored object whose bytes live in memory: a range that one block holds can be read where it is stored, with no
/// copy (the decryptor decrypts a frame straight from it, and seeks its ciphertext stream past the frame: a store that
/// offers this hands out seekable streams).
/// </summary>
internal interface IInPlaceContent
{
    /// <summary>The <paramref name="length"/> bytes at <paramref name="offset"/> in place, if one block holds them all.</summary>
    bool TryGetMemory(long offset, int length, out ReadOnlyMemory<byte> memory);
}
