using System.Security.Cryptography;

namespace S3Emulator.Core.Encryption;

/// <summary>A sealed data key could not be opened: wrong master key, wrong binding, or damaged bytes.</summary>
public sealed class KeyUnsealException : CryptographicException
{
    public KeyUnsealException(string message)
        : base(message)
    {
    }

    public KeyUnsealException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
