using S3Emulator.Core.Errors;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>PutBucketOwnershipControls, GetBucketOwnershipControls and DeleteBucketOwnershipControls.</summary>
internal static class OwnershipControlsHandlers
{
    public static async Task<S3Result> PutBucketOwnershipControlsAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await using var body = UploadLimits.OpenBody(context, ChecksumPlan.FromRequest(context));
        var ownership = OwnershipControlsXml.Read(await ReadAsync(body, context.Cancellation).ConfigureAwait(false));
        // The emulator stores no ACL grants, so BucketOwnerEnforced never meets a bucket ACL it would have to refuse.
        await context.Store.UpdateBucketAsync(context.Bucket, b => b with { ObjectOwnership = ownership }, context.Cancellation)
            .ConfigureAwait(false);
        return S3Result.Empty();
    }

    public static async Task<S3Result> GetBucketOwnershipControlsAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        var ownership = bucket.ObjectOwnership
            ?? throw new S3Exception(S3Errors.OwnershipControlsNotFoundError, S3Exception.Detail("BucketName", bucket.Name));
        return S3Result.Xml(OwnershipControlsXml.Write(ownership));
    }

    public static async Task<S3Result> DeleteBucketOwnershipControlsAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await context.Store.UpdateBucketAsync(context.Bucket, b => b with { ObjectOwnership = null }, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty(204);
    }
}
