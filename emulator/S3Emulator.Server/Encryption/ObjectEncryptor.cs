using System.Security.Cryptography;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Kms;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Handlers.Encryption;

namespace S3Emulator.Server.Encryption;

/// <summary>
/// The three server-side encryption strategies behind one door: picks the key for a write (request
/// headers, else the bucket default) and recovers the key for a read. docs/encryption.md has the hierarchy.
/// Every object is encrypted; objects stored before encryption existed (no record) are read as they are.
/// </summary>
internal sealed class ObjectEncryptor(MasterKey masterKey, IKeyManagementService kms)
{
    private const string AwsManagedS3Key = "alias/aws/s3";

    private readonly DataKeyCache _sseS3Keys = new(masterKey);

    /// <summary>A fresh content key for a new object (or multipart upload) at <paramref name="bucket"/>/<paramref name="key"/>.</summary>
    public async Task<ContentKey> NewContentKeyAsync(S3RequestContext context, RequestedEncryption requested, BucketInfo bucket, string key)
    {
        var defaults = BucketEncryptionDefaults.Effective(bucket);
        switch (requested)
        {
            case RequestedEncryption.SseC sseC:
                if (defaults.BlocksSseC)
                {
                    throw new S3Exception(S3Errors.AccessDeniedBecause("Requests specifying Server Side Encryption with Customer provided keys are blocked for this bucket (BlockedEncryptionTypes)."));
                }
                return SseC(sseC.Key, Binding(bucket.Name, key));
            case RequestedEncryption.SseKms kmsRequest:
                return await SseKmsAsync(kmsRequest.Algorithm, kmsRequest.KeyId ?? AwsManagedS3Key, kmsRequest.Context,
                    kmsRequest.BucketKeyEnabled ?? defaults.BucketKeyEnabled, bucket.Name, key, context.Cancellation).ConfigureAwait(false);
            case RequestedEncryption.BucketDefault byDefault when defaults.SseAlgorithm != BucketEncryption.SseS3:
                return await SseKmsAsync(defaults.SseAlgorithm, defaults.KmsMasterKeyId ?? AwsManagedS3Key, new Dictionary<string, string>(),
                    byDefault.BucketKeyEnabled ?? defaults.BucketKeyEnabled, bucket.Name, key, context.Cancellation).ConfigureAwait(false);
            default:
                var dataKey = DataKeys.NewDataKey();
                return new ContentKey(new ObjectEncryption(EncryptionKind.SseS3, masterKey.Seal(dataKey, Binding(bucket.Name, key))), dataKey, null);
        }
    }

    /// <summary>
    /// The data key of stored content, after the SSE-C checks of <see cref="RequireCustomerKey"/>; null for
    /// content stored in clear before encryption existed.
    /// </summary>
    public async Task<byte[]?> OpenAsync(S3RequestContext context, ObjectEncryption? stored, CustomerKey? customerKey, string bucket, string key)
    {
        RequireCustomerKey(stored, customerKey);
        switch (stored?.Kind)
        {
            case null:
                return null;
            case EncryptionKind.SseC:
                return CustomerKeys.TryUnseal(stored.SealedDataKey, customerKey!.Key, Binding(bucket, key), out var dataKey)
                    ? dataKey
                    : throw WrongCustomerKey();
            case EncryptionKind.SseKms:
                var decrypted = await KmsFailureTranslation.TranslateAsync(() => kms.DecryptAsync(
                    stored.SealedDataKey, stored.KmsContext ?? new Dictionary<string, string>(), context.Cancellation)).ConfigureAwait(false);
                return decrypted.Plaintext;
            default:
                return masterKey.Unseal(stored.SealedDataKey, Binding(bucket, key));
        }
    }

    /// <summary>
    /// The key to read stored content with, after the SSE-C checks of <see cref="RequireCustomerKey"/>; null for content
    /// stored in clear before encryption existed. An SSE-S3 key comes from <see cref="DataKeyCache"/> and is shared by
    /// every read of that object version (disposing it does nothing); an SSE-C or SSE-KMS key serves this read only and
    /// its owner disposes it when the read is done.
    /// </summary>
    public async Task<ContentDecryptionKey?> OpenReadKeyAsync(
        S3RequestContext context, ObjectEncryption? stored, CustomerKey? customerKey, string bucket, string key)
    {
        if (stored?.Kind == EncryptionKind.SseS3)
        {
            RequireCustomerKey(stored, customerKey);
            return _sseS3Keys.GetOrUnseal(stored.SealedDataKey, Binding(bucket, key));
        }

        var dataKey = await OpenAsync(context, stored, customerKey, bucket, key).ConfigureAwait(false);
        if (dataKey is null) return null;
        try
        {
            return ContentDecryptionKey.ForOneRead(dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// S3's SSE-C rules for reading: an SSE-C object needs its key (400 without, 403 with a wrong one), and
    /// SSE-C headers on any other object are refused.
    /// </summary>
    public static void RequireCustomerKey(ObjectEncryption? stored, CustomerKey? customerKey)
    {
        if (stored?.Kind == EncryptionKind.SseC)
        {
            if (customerKey is null)
            {
                throw new S3Exception(S3Errors.InvalidRequest("The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object."));
            }
            if (!stored.CustomerKey!.Matches(customerKey.Key)) throw WrongCustomerKey();
        }
        else if (customerKey is not null)
        {
            throw new S3Exception(S3Errors.InvalidRequest("The encryption parameters are not applicable to this object."));
        }
    }

    private static ContentKey SseC(CustomerKey customerKey, string binding)
    {
        var dataKey = DataKeys.NewDataKey();
        var stored = new ObjectEncryption(EncryptionKind.SseC, CustomerKeys.Seal(dataKey, customerKey.Key, binding))
        {
            CustomerKey = CustomerKeyFingerprint.Create(customerKey.Key),
        };
        return new ContentKey(stored, dataKey, customerKey);
    }

    private async Task<ContentKey> SseKmsAsync(
        string algorithm, string keyId, IReadOnlyDictionary<string, string> extraContext, bool bucketKey, string bucket, string key,
        CancellationToken cancellationToken)
    {
        // The object's ARN is the default context; with an S3 Bucket Key the data key belongs to the bucket.
        var encryptionContext = new Dictionary<string, string>(extraContext)
        {
            ["aws:s3:arn"] = bucketKey ? S3Arns.Bucket(bucket) : S3Arns.Object(bucket, key),
        };
        var generated = await KmsFailureTranslation.TranslateAsync(() => kms.GenerateDataKeyAsync(keyId, encryptionContext, cancellationToken)).ConfigureAwait(false);
        var stored = new ObjectEncryption(EncryptionKind.SseKms, generated.CiphertextBlob)
        {
            KmsKeyArn = generated.KeyArn,
            KmsAlgorithm = algorithm,
            KmsContext = encryptionContext,
            BucketKeyEnabled = bucketKey,
        };
        return new ContentKey(stored, generated.Plaintext, null);
    }

    private static S3Exception WrongCustomerKey() => new(S3Errors.AccessDeniedBecause(
        "Requests specifying Server Side Encryption with Customer provided keys must provide the correct secret key."));

    /// <summary>Sealed keys are bound to where the object lives: a sealed key copied to another object does not open.</summary>
    private static string Binding(string bucket, string key) => bucket + "/" + key;
}
