namespace S3Emulator.Core.Kms;

/// <summary>
/// What S3 (SSE-KMS) and the client-side-encryption helper need from KMS. The mock KMS implements it,
/// and the KMS JSON API (<c>TrentService.*</c>) is served on top of the same instance, so a key created
/// through <c>AmazonKeyManagementServiceClient</c> is the key S3 encrypts with.
/// </summary>
/// <remarks>Failures throw <see cref="KmsException"/> carrying KMS's error type and message.</remarks>
public interface IKeyManagementService
{
    /// <summary>
    /// Resolves a key id, key ARN, alias name or alias ARN to the key's ARN, creating the AWS-managed key
    /// behind <c>alias/aws/s3</c> on first use. Throws NotFoundException for unknown keys, and
    /// DisabledException / KMSInvalidStateException when <paramref name="requireUsable"/> and the key is not enabled.
    /// </summary>
    ValueTask<string> ResolveKeyArnAsync(string keyIdOrAlias, bool requireUsable, CancellationToken cancellationToken);

    /// <summary>A fresh 32-byte data key and its ciphertext blob under the key, bound to the encryption context.</summary>
    ValueTask<GeneratedDataKey> GenerateDataKeyAsync(
        string keyIdOrAlias, IReadOnlyDictionary<string, string> encryptionContext, CancellationToken cancellationToken);

    /// <summary>Decrypts a blob made by this KMS; the context must equal the one used to encrypt (else InvalidCiphertextException).</summary>
    ValueTask<DecryptedData> DecryptAsync(
        ReadOnlyMemory<byte> ciphertextBlob, IReadOnlyDictionary<string, string> encryptionContext, CancellationToken cancellationToken);
}

/// <summary>A data key: <see cref="Plaintext"/> must never be stored or logged; <see cref="CiphertextBlob"/> is what is kept.</summary>
public sealed record GeneratedDataKey(string KeyArn, byte[] Plaintext, byte[] CiphertextBlob);

/// <summary>The plaintext of a KMS blob and the ARN of the key that protected it.</summary>
public sealed record DecryptedData(string KeyArn, byte[] Plaintext);
