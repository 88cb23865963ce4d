using System.Globalization;
using System.Security.Cryptography;

namespace S3Emulator.Core.Kms;

/// <summary>Encrypt, Decrypt, ReEncrypt, GenerateDataKey and GenerateRandom.</summary>
public sealed partial class MockKeyManagementService
{
    private const int MaxPlaintextBytes = 4096;
    private const int MaxRandomBytes = 1024;

    /// <summary>Encrypts up to 4096 bytes under an enabled key, bound to <paramref name="encryptionContext"/>.</summary>
    public KmsCiphertext Encrypt(string keyId, byte[] plaintext, IReadOnlyDictionary<string, string>? encryptionContext = null)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(plaintext);
        if (plaintext.Length is 0 or > MaxPlaintextBytes)
        {
            var bound = plaintext.Length == 0 ? "greater than or equal to 1" : $"less than or equal to {MaxPlaintextBytes}";
            throw KmsErrors.ConstraintViolated("[SENSITIVE]", "plaintext", "Member must have length " + bound);
        }

        var key = UsableKey(keyId);
        return new KmsCiphertext(key.Arn, CiphertextBlob.Seal(key.KeyId, key.Material, plaintext, encryptionContext));
    }

    /// <summary>
    /// Decrypts a blob made by this KMS; the key comes from the blob. InvalidCiphertextException when the
    /// blob is damaged or the context differs; IncorrectKeyException when <paramref name="keyId"/> names another key.
    /// </summary>
    public DecryptedData Decrypt(byte[] ciphertextBlob, IReadOnlyDictionary<string, string>? encryptionContext = null, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(ciphertextBlob);
        var key = KeyOfBlob(ciphertextBlob, keyId);
        return new DecryptedData(key.Arn, CiphertextBlob.Open(key.Material, ciphertextBlob, encryptionContext));
    }

    /// <summary>Decrypts under the source key and context, then encrypts under the destination key and context.</summary>
    public KmsReEncrypted ReEncrypt(
        byte[] ciphertextBlob,
        string destinationKeyId,
        IReadOnlyDictionary<string, string>? sourceEncryptionContext = null,
        IReadOnlyDictionary<string, string>? destinationEncryptionContext = null,
        string? sourceKeyId = null)
    {
        ArgumentNullException.ThrowIfNull(ciphertextBlob);
        ArgumentNullException.ThrowIfNull(destinationKeyId);
        var source = Decrypt(ciphertextBlob, sourceEncryptionContext, sourceKeyId);
        try
        {
            var destination = UsableKey(destinationKeyId);
            var blob = CiphertextBlob.Seal(destination.KeyId, destination.Material, source.Plaintext, destinationEncryptionContext);
            return new KmsReEncrypted(source.KeyArn, destination.Arn, blob);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(source.Plaintext);
        }
    }

    /// <summary>
    /// A fresh data key of <paramref name="keySpec"/> (<c>AES_256</c>, <c>AES_128</c>) or <paramref name="numberOfBytes"/>
    /// (1–1024) — exactly one of the two — with its blob under the key, bound to the context.
    /// </summary>
    public GeneratedDataKey GenerateDataKey(
        string keyId, IReadOnlyDictionary<string, string>? encryptionContext = null, string? keySpec = null, int? numberOfBytes = null)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var size = DataKeySize(keySpec, numberOfBytes);
        var key = UsableKey(keyId);
        var plaintext = RandomNumberGenerator.GetBytes(size);
        return new GeneratedDataKey(key.Arn, plaintext, CiphertextBlob.Seal(key.KeyId, key.Material, plaintext, encryptionContext));
    }

    /// <summary>1–1024 random bytes.</summary>
    public byte[] GenerateRandom(int? numberOfBytes)
    {
        var count = numberOfBytes ?? throw KmsErrors.NumberOfBytesRequired();
        EnsureByteCount(count);
        return RandomNumberGenerator.GetBytes(count);
    }

    private KmsKey UsableKey(string keyId)
    {
        lock (_lock)
        {
            var key = Resolve(keyId);
            key.EnsureUsable();
            return key;
        }
    }

    private KmsKey KeyOfBlob(byte[] ciphertextBlob, string? keyId)
    {
        var blobKeyId = CiphertextBlob.ReadKeyId(ciphertextBlob);
        lock (_lock)
        {
            PurgeDeletedKeys();
            // A blob naming a key that does not exist (or was deleted) is as undecryptable as a damaged one.
            if (!_keys.TryGetValue(blobKeyId, out var key)) throw KmsErrors.InvalidCiphertext();
            if (keyId is not null && Resolve(keyId).KeyId != key.KeyId) throw KmsErrors.IncorrectKey();
            key.EnsureUsable();
            return key;
        }
    }

    private static int DataKeySize(string? keySpec, int? numberOfBytes)
    {
        if ((keySpec is null) == (numberOfBytes is null)) throw KmsErrors.KeySpecOrBytesRequired();
        if (numberOfBytes is { } count)
        {
            EnsureByteCount(count);
            return count;
        }

        return keySpec switch
        {
            "AES_256" => 32,
            "AES_128" => 16,
            _ => throw KmsErrors.ConstraintViolated(keySpec!, "keySpec", "Member must satisfy enum value set: [AES_256, AES_128]"),
        };
    }

    private static void EnsureByteCount(int count)
    {
        if (count is < 1 or > MaxRandomBytes)
        {
            var bound = count < 1 ? "greater than or equal to 1" : $"less than or equal to {MaxRandomBytes}";
            throw KmsErrors.ConstraintViolated(count.ToString(CultureInfo.InvariantCulture), "numberOfBytes", "Member must have value " + bound);
        }
    }
}
