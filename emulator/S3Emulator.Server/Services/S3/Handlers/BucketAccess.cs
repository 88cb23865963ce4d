using System.Security.Cryptography;
using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>Finds the bucket a request names, with the errors S3 gives when it is missing or not the caller's.</summary>
internal static class BucketAccess
{
    public static async Task<BucketInfo> RequireBucketAsync(this S3RequestContext context)
    {
        var bucket = await context.Store.GetBucketAsync(context.Bucket, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchBucket, S3Exception.Detail("BucketName", context.Bucket));
        // Until bucket policies exist, only the owning account may use a bucket.
        if (bucket.OwnerAccountId != context.AccountId) throw new S3Exception(S3Errors.AccessDenied);
        return bucket;
    }

    /// <summary>The canonical user id S3 shows as Owner/ID: 64 hex characters, stable per account.</summary>
    public static string CanonicalUserId(string accountId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("s3emulator-owner:" + accountId)));
}
