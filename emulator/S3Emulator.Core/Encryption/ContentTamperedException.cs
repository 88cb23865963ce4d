using System.Security.Cryptography;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// Stored ciphertext failed authentication, is truncated, or was decrypted with the wrong key. Thrown instead of
/// returning any byte of the affected frame. The message names the part and frame, never key or content bytes.
/// </summary>
public sealed class ContentTamperedException : CryptographicException
{
    public ContentTamperedException(string message)
        : base(message)
    {
    }

    public ContentTamperedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
