using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3;

/// <summary>Finds the bucket a request acts on, once, before authorization (which needs its owner and policy).</summary>
internal static class S3BucketResolver
{
    /// <summary>
    /// The bucket a bucket- or object-level request names, or S3's NoSuchBucket; null for ListBuckets and for
    /// CreateBucket, whose bucket is not there yet.
    /// </summary>
    public static async Task<BucketInfo?> ResolveAsync(IObjectStore store, S3Request request, CancellationToken cancellationToken)
    {
        if (request.Bucket is not { } name || request.Operation == S3Operation.CreateBucket) return null;
        return await store.GetBucketAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchBucket, S3Exception.Detail("BucketName", name));
    }
}
