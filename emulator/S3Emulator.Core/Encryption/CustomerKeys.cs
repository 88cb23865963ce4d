using System.Diagnostics.CodeAnalysis;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// SSE-C: the customer's key seals the object's data key, and is itself never stored — only the sealed data
/// key and a <see cref="CustomerKeyFingerprint"/> are. A wrong key cannot open the sealed key (authenticated
/// decryption), so reading with it fails before any content is touched.
/// </summary>
public static class CustomerKeys
{
    /// <summary>Length of an SSE-C key (AES256).</summary>
    public const int KeySize = 32;

    /// <summary>Seals <paramref name="dataKey"/> under <paramref name="customerKey"/>, bound to <paramref name="binding"/> (e.g. <c>bucket/key</c> or an upload id).</summary>
    public static byte[] Seal(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> customerKey, string binding)
    {
        KeySealing.RequireKey(customerKey, nameof(customerKey));
        return KeySealing.Seal(customerKey, KeyDerivationLabels.SseCSeal, dataKey, binding);
    }

    /// <summary>
    /// Opens a key made by <see cref="Seal"/>; false for another customer key (including one of the wrong length)
    /// or binding, or damaged bytes.
    /// </summary>
    public static bool TryUnseal(
        ReadOnlySpan<byte> sealedKey, ReadOnlySpan<byte> customerKey, string binding, [NotNullWhen(true)] out byte[]? dataKey)
    {
        if (customerKey.Length == KeySize
            && KeySealing.TryUnseal(customerKey, KeyDerivationLabels.SseCSeal, sealedKey, binding, out var key))
        {
            dataKey = key;
            return true;
        }

        dataKey = null;
        return false;
    }
}
