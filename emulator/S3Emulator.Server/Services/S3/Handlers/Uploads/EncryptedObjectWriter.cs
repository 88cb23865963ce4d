using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Services.S3.Handlers.Access;

namespace S3Emulator.Server.Services.S3.Handlers.Uploads;

/// <summary>
/// Stores a whole object (PutObject, CopyObject): encrypts the verified plaintext under its content key and
/// commits it with what only the finished stream knows — size, ETag, checksum — and the key's record.
/// </summary>
internal static class EncryptedObjectWriter
{
    /// <param name="describe">What the request says about the object: headers, metadata, tags, storage class.</param>
    public static async Task<ObjectInfo> PutAsync(
        S3RequestContext context, ContentKey contentKey, VerifyingUploadStream plaintext, Func<ObjectInfo, ObjectInfo> describe)
    {
        await using var ciphertext = ContentEncryption.Encrypt(plaintext, contentKey.DataKey, partNumber: 0);
        return await context.Store.PutObjectAsync(context.Bucket, context.Key, ciphertext, _ => describe(new ObjectInfo
        {
            Bucket = context.Bucket,
            Key = context.Key,
            Size = plaintext.BytesRead,
            ETag = contentKey.ETagFor(plaintext.Md5Hex),
            Encryption = contentKey.Stored,
            LastModified = context.Time.GetUtcNow(),
            Checksum = new StoredChecksum(plaintext.ChecksumAlgorithm, plaintext.ChecksumBase64, ChecksumType.FullObject),
            OwnerAccountId = ObjectOwner.Of(context),
        }), context.Cancellation).ConfigureAwait(false);
    }
}
