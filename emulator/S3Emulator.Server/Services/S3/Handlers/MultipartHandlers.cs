using S3Emulator.Core.Checksums;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Services.S3.Handlers.Access;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Multipart;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>
/// CreateMultipartUpload, UploadPart and AbortMultipartUpload. UploadPartCopy, CompleteMultipartUpload,
/// ListParts and ListMultipartUploads live beside them in <c>Multipart/</c>.
/// </summary>
internal static class MultipartHandlers
{
    public static async Task<S3Result> CreateMultipartUploadAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        UploadLimits.RequireValidKey(context.Key);
        await Access.AclRules.CheckObjectWriteAsync(context, bucket, "s3:PutObject").ConfigureAwait(false);
        var requested = SseRequestParser.ForWrite(context);
        var checksum = UploadChecksumSettings.FromRequest(context);
        var contentKey = await context.Encryptor.NewContentKeyAsync(context, requested, bucket, context.Key).ConfigureAwait(false);
        var now = context.Time.GetUtcNow();
        // What the final object will carry is fixed now; completion fills in size, ETag and checksum.
        var template = new ObjectInfo
        {
            Bucket = context.Bucket,
            Key = context.Key,
            Size = 0,
            ETag = "",
            LastModified = now,
            ContentHeaders = ObjectRequestHeaders.ContentHeaders(context),
            UserMetadata = ObjectRequestHeaders.UserMetadata(context),
            Tags = ObjectRequestHeaders.Tags(context),
            StorageClass = ObjectRequestHeaders.StorageClass(context),
            OwnerAccountId = ObjectOwner.Of(context),
            Encryption = contentKey.Stored,
        };
        var upload = new MultipartUpload(MultipartUploads.NewUploadId(), context.Bucket, context.Key, now, template,
            checksum.Algorithm, checksum.Type);
        await context.Store.CreateMultipartUploadAsync(upload, context.Cancellation).ConfigureAwait(false);

        var result = S3Result.Xml(E("InitiateMultipartUploadResult",
            E("Bucket", context.Bucket), E("Key", context.Key), E("UploadId", upload.UploadId)))
            .WithEncryption(contentKey.Stored, contentKey.Customer, withContext: requested is RequestedEncryption.SseKms { Context.Count: > 0 });
        if (checksum.Algorithm is { } algorithm)
        {
            result.With(S3Headers.ChecksumAlgorithm, ChecksumAlgorithms.Name(algorithm))
                .With(S3Headers.ChecksumType, ObjectResponseHeaders.ChecksumTypeName(checksum.Type));
        }
        return result;
    }

    public static async Task<S3Result> UploadPartAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var partNumber = MultipartUploads.PartNumber(context);
        var upload = await MultipartUploads.RequireAsync(context).ConfigureAwait(false);
        var plan = ChecksumPlan.FromRequest(context, upload.ChecksumAlgorithm);
        RequirePartChecksum(upload, plan);
        var contentKey = await UploadContentKey.OpenAsync(context, upload).ConfigureAwait(false);
        await using var body = UploadLimits.OpenBody(context, plan);
        // The part keeps its checksum in the upload's algorithm, or CRC64NVME when the upload has none.
        var kept = upload.ChecksumAlgorithm ?? ChecksumAlgorithm.Crc64Nvme;
        await using var tee = plan.Algorithm == kept ? null : new ChecksumTeeStream(body, kept);
        await using var ciphertext = ContentEncryption.Encrypt((Stream?)tee ?? body, contentKey.DataKey, partNumber);
        var part = await context.Store.PutPartAsync(context.Bucket, upload.UploadId, partNumber, ciphertext,
            _ => new PartInfo(partNumber, body.BytesRead, contentKey.ETagFor(body.Md5Hex), context.Time.GetUtcNow(),
                tee?.ChecksumBase64 ?? body.ChecksumBase64),
            context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchUpload, S3Exception.Detail("UploadId", upload.UploadId));

        var result = S3Result.Empty().With("ETag", ObjectResponseHeaders.QuotedETag(part.ETag))
            .WithEncryption(contentKey.Stored, contentKey.Customer);
        if (plan.ClientChose) result.With(ChecksumAlgorithms.HeaderName(plan.Algorithm), body.ChecksumBase64);
        return result;
    }

    public static async Task<S3Result> AbortMultipartUploadAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var upload = await MultipartUploads.RequireAsync(context).ConfigureAwait(false);
        if (!await context.Store.AbortMultipartUploadAsync(context.Bucket, upload.UploadId, context.Cancellation).ConfigureAwait(false))
        {
            throw new S3Exception(S3Errors.NoSuchUpload, S3Exception.Detail("UploadId", upload.UploadId));
        }
        return S3Result.Empty(204);
    }

    /// <summary>A COMPOSITE checksum is made of the part checksums, so each part must come with one.</summary>
    private static void RequirePartChecksum(MultipartUpload upload, ChecksumPlan plan)
    {
        if (upload is { ChecksumAlgorithm: { } algorithm, ChecksumType: ChecksumType.Composite }
            && plan.ExpectedValue is null && !plan.ExpectedInTrailer)
        {
            throw new S3Exception(S3Errors.InvalidRequest(
                $"Checksum Type mismatch occurred, expected checksum Type: {ChecksumAlgorithms.Name(algorithm).ToLowerInvariant()}, actual checksum Type: null"));
        }
    }
}
