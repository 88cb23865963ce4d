using System.Buffers.Binary;
using System.Security.Cryptography;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// Encrypts and decrypts the frames of one segment. The segment key is HKDF-SHA256 of the data key, salted
/// with the segment header and labelled with the part number; nonce and AAD bind part number, frame index and
/// the final-frame flag, so a frame moved, swapped or cut short fails authentication.
/// </summary>
internal sealed class SegmentCipher : IDisposable
{
    private const int NonceSize = 12;
    private const int AadSize = 13;

    private readonly AesGcm _aes;
    private readonly int _partNumber;
    private readonly byte[] _nonce = new byte[NonceSize];
    private readonly byte[] _aad = new byte[AadSize];

    private SegmentCipher(AesGcm aes, int partNumber, object? home)
    {
        _aes = aes;
        _partNumber = partNumber;
        Home = home;
    }

    /// <summary>Where the cipher goes back to when a read is done with it (see <see cref="ContentDecryptionKey.Release"/>); null if nowhere.</summary>
    public object? Home { get; }

    /// <summary>The format identifier and version at the start of every segment.</summary>
    public static ReadOnlySpan<byte> Magic => "S3E1"u8;

    /// <summary>A new header: the magic, then a random salt that makes the segment key unique.</summary>
    public static byte[] NewHeader()
    {
        var header = new byte[FrameLayout.HeaderSize];
        Magic.CopyTo(header);
        RandomNumberGenerator.Fill(header.AsSpan(Magic.Length));
        return header;
    }

    /// <summary>The cipher for a segment; a header without the magic is reported as tampering.</summary>
    public static SegmentCipher Create(ReadOnlySpan<byte> dataKey, int partNumber, ReadOnlySpan<byte> header)
    {
        Span<byte> key = stackalloc byte[ContentEncryption.DataKeySize];
        try
        {
            DeriveKey(dataKey, partNumber, header, key);
            return FromSegmentKey(key, partNumber);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// The segment key: HKDF-SHA256 of the data key, salted with the segment header and labelled with the part number.
    /// A header without the magic is reported as tampering.
    /// </summary>
    public static void DeriveKey(ReadOnlySpan<byte> dataKey, int partNumber, ReadOnlySpan<byte> header, Span<byte> segmentKey)
    {
        if (dataKey.Length != ContentEncryption.DataKeySize)
        {
            throw new ArgumentException($"A data key is {ContentEncryption.DataKeySize} bytes.", nameof(dataKey));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(partNumber);
        if (header.Length != FrameLayout.HeaderSize || !header.StartsWith(Magic))
        {
            throw new ContentTamperedException($"Part {partNumber}: the segment header is not an S3E1 header.");
        }

        Span<byte> info = stackalloc byte[KeyDerivationLabels.Content.Length + sizeof(int)];
        KeyDerivationLabels.Content.CopyTo(info);
        BinaryPrimitives.WriteInt32BigEndian(info[KeyDerivationLabels.Content.Length..], partNumber);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, segmentKey[..ContentEncryption.DataKeySize], header, info);
    }

    /// <summary>The cipher for a segment whose key <see cref="DeriveKey"/> gave.</summary>
    public static SegmentCipher FromSegmentKey(ReadOnlySpan<byte> segmentKey, int partNumber, object? home = null) =>
        new(new AesGcm(segmentKey, FrameLayout.TagSize), partNumber, home);

    /// <summary>Encrypts <c>frame[..length]</c> in place and writes the tag right after it.</summary>
    public void EncryptInPlace(Span<byte> frame, int length, long frameIndex, bool final)
    {
        Bind(frameIndex, final);
        var text = frame[..length];
        _aes.Encrypt(_nonce, text, text, frame.Slice(length, FrameLayout.TagSize), _aad);
    }

    /// <summary>Decrypts <c>frame[..length]</c> in place using the tag after it; on failure nothing usable is left.</summary>
    public void DecryptInPlace(Span<byte> frame, int length, long frameIndex, bool final) =>
        Decrypt(frame, length, frame, frameIndex, final); // AES-GCM decrypts in place when both are the same memory

    /// <summary>
    /// Decrypts <c>frame[..length]</c>, using the tag after it, into <paramref name="plaintext"/> (another buffer leaves
    /// the stored frame as it is; the same one decrypts in place); on failure nothing usable is left in it.
    /// </summary>
    public void Decrypt(ReadOnlySpan<byte> frame, int length, Span<byte> plaintext, long frameIndex, bool final)
    {
        Bind(frameIndex, final);
        try
        {
            _aes.Decrypt(_nonce, frame[..length], frame.Slice(length, FrameLayout.TagSize), plaintext[..length], _aad);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new ContentTamperedException(
                $"Part {_partNumber}, frame {frameIndex}: authentication failed (tampered content or wrong key).", e);
        }
    }

    public void Dispose() => _aes.Dispose();

    // nonce = part number (4, BE) ‖ frame index (8, BE); AAD = the same ‖ final flag (1).
    private void Bind(long frameIndex, bool final)
    {
        BinaryPrimitives.WriteInt32BigEndian(_nonce, _partNumber);
        BinaryPrimitives.WriteInt64BigEndian(_nonce.AsSpan(4), frameIndex);
        _nonce.CopyTo(_aad, 0);
        _aad[NonceSize] = final ? (byte)1 : (byte)0;
    }
}
