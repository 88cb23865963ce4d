using System.Security.Cryptography;

namespace S3Emulator.Core.Encryption;

/// <summary>Per-object data keys: one fresh key per object or multipart upload, so no key encrypts unrelated content.</summary>
public static class DataKeys
{
    /// <summary>32 bytes from the OS CSPRNG.</summary>
    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(ContentEncryption.DataKeySize);
}
