using S3Emulator.Core.Errors;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>PutPublicAccessBlock, GetPublicAccessBlock and DeletePublicAccessBlock at bucket level.</summary>
internal static class PublicAccessBlockHandlers
{
    public static async Task<S3Result> PutPublicAccessBlockAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await using var body = UploadLimits.OpenBody(context, ChecksumPlan.FromRequest(context));
        var configuration = PublicAccessBlockXml.Read(await ReadAsync(body, context.Cancellation).ConfigureAwait(false));
        await context.Store.UpdateBucketAsync(context.Bucket, b => b with { PublicAccessBlock = configuration }, context.Cancellation)
            .ConfigureAwait(false);
        return S3Result.Empty();
    }

    /// <summary>The bucket level only, not the effective value (the account level is S3 Control's).</summary>
    public static async Task<S3Result> GetPublicAccessBlockAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        var configuration = bucket.PublicAccessBlock
            ?? throw new S3Exception(S3Errors.NoSuchPublicAccessBlockConfiguration, S3Exception.Detail("BucketName", bucket.Name));
        return S3Result.Xml(PublicAccessBlockXml.Write(configuration, Ns));
    }

    public static async Task<S3Result> DeletePublicAccessBlockAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await context.Store.UpdateBucketAsync(context.Bucket, b => b with { PublicAccessBlock = null }, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty(204);
    }
}
