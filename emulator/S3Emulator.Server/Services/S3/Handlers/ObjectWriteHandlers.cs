using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Handlers.Uploads;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>PutObject and DeleteObject.</summary>
internal static class ObjectWriteHandlers
{
    public static async Task<S3Result> PutObjectAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        UploadLimits.RequireValidKey(context.Key);
        await Access.AclRules.CheckObjectWriteAsync(context, bucket, "s3:PutObject").ConfigureAwait(false);
        var requested = SseRequestParser.ForWrite(context);
        await RequireWriteConditionsAsync(context).ConfigureAwait(false);
        var contentHeaders = ObjectRequestHeaders.ContentHeaders(context);
        var metadata = ObjectRequestHeaders.UserMetadata(context);
        var tags = ObjectRequestHeaders.Tags(context);
        var plan = ChecksumPlan.FromRequest(context);
        var contentKey = await context.Encryptor.NewContentKeyAsync(context, requested, bucket, context.Key).ConfigureAwait(false);
        await using var body = UploadLimits.OpenBody(context, plan);
        var info = await EncryptedObjectWriter.PutAsync(context, contentKey, body, stored => stored with
        {
            ContentHeaders = contentHeaders,
            UserMetadata = metadata,
            Tags = tags,
            StorageClass = ObjectRequestHeaders.StorageClass(context),
        }).ConfigureAwait(false);

        var result = S3Result.Empty().With("ETag", ObjectResponseHeaders.QuotedETag(info.ETag))
            .WithEncryption(info.Encryption, contentKey.Customer, withContext: requested is RequestedEncryption.SseKms { Context.Count: > 0 });
        if (plan.ClientChose)
        {
            result.With(Core.Checksums.ChecksumAlgorithms.HeaderName(plan.Algorithm), body.ChecksumBase64)
                .With(Protocol.S3Headers.ChecksumType, "FULL_OBJECT");
        }
        return result;
    }

    public static async Task<S3Result> DeleteObjectAsync(S3RequestContext context)
    {
        context.RequireBucket();
        if (context.Header("If-Match") is { } ifMatch)
        {
            var existing = await context.Store.GetObjectInfoAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false)
                ?? throw new S3Exception(S3Errors.NoSuchKey, S3Exception.Detail("Key", context.Key));
            if (!ConditionalRequest.ETagListMatches(ifMatch, existing.ETag))
            {
                throw new S3Exception(S3Errors.PreconditionFailed, S3Exception.Detail("Condition", "If-Match"));
            }
        }
        // Deleting a key that does not exist succeeds: S3 answers 204 either way.
        await context.Store.DeleteObjectAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty(204);
    }

    /// <summary>Conditional writes: <c>If-None-Match: *</c> (create only) and <c>If-Match</c> (replace that version only).</summary>
    private static async Task RequireWriteConditionsAsync(S3RequestContext context)
    {
        var ifNoneMatch = context.Header("If-None-Match");
        var ifMatch = context.Header("If-Match");
        if (ifNoneMatch is null && ifMatch is null) return;
        var existing = await context.Store.GetObjectInfoAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false);
        if (ifNoneMatch is not null && existing is not null)
        {
            throw new S3Exception(S3Errors.PreconditionFailed, S3Exception.Detail("Condition", "If-None-Match"));
        }
        if (ifMatch is not null)
        {
            if (existing is null) throw new S3Exception(S3Errors.NoSuchKey, S3Exception.Detail("Key", context.Key));
            if (!ConditionalRequest.ETagListMatches(ifMatch, existing.ETag))
            {
                throw new S3Exception(S3Errors.PreconditionFailed, S3Exception.Detail("Condition", "If-Match"));
            }
        }
    }
}
