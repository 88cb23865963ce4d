using System.Security.Cryptography;
using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>Finds the bucket a request names, with the errors S3 gives when it is missing or not the caller's.</summary>
internal static class BucketAccess
{
    /// <summary>The bucket as resolved before authorization (which already answered NoSuchBucket and AccessDenied).</summary>
    public static BucketInfo RequireBucket(this S3RequestContext context) =>
        context.ResolvedBucket ?? throw new InvalidOperationException("The request names no resolved bucket.");

    /// <summary>The canonical user id S3 shows as Owner/ID: 64 hex characters, stable per account.</summary>
    public static string CanonicalUserId(string accountId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("s3emulator-owner:" + accountId)));
}
