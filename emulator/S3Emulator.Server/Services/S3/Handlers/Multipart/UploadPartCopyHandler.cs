using S3Emulator.Core.Checksums;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>UploadPartCopy: a part made of (a range of) an existing object, checksummed as the upload requires.</summary>
internal static class UploadPartCopyHandler
{
    public static async Task<S3Result> UploadPartCopyAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var partNumber = MultipartUploads.PartNumber(context);
        var upload = await MultipartUploads.RequireAsync(context).ConfigureAwait(false);
        var source = CopySource.Parse(context.Header(S3Headers.CopySource)!);
        var sourceContent = await source.OpenAsync(context).ConfigureAwait(false);
        var contentKey = await UploadContentKey.OpenAsync(context, upload).ConfigureAwait(false);
        var rangeHeader = context.Header(S3Headers.CopySourceRange);
        var range = CopySourceRange.Resolve(rangeHeader, sourceContent.Info.Size);
        if (range.Length > UploadLimits.MaxSinglePutBytes)
        {
            throw new S3Exception(S3Errors.InvalidRequest("The specified copy source is larger than the maximum allowable size for a copy source: 5368709120"));
        }

        // S3 computes the part checksum itself: in the upload's algorithm, or CRC64NVME when it has none.
        var algorithm = upload.ChecksumAlgorithm ?? ChecksumAlgorithm.Crc64Nvme;
        var plan = new ChecksumPlan(null, algorithm, null, ExpectedInTrailer: false, ClientChose: upload.ChecksumAlgorithm is not null);
        await using var content = new VerifyingUploadStream(sourceContent.Read(range), plan, null, null, leaveOpen: false);
        await using var ciphertext = ContentEncryption.Encrypt(content, contentKey.DataKey, partNumber);
        var part = await context.Store.PutPartAsync(context.Bucket, upload.UploadId, partNumber, ciphertext,
            _ => new PartInfo(partNumber, content.BytesRead, contentKey.ETagFor(content.Md5Hex), context.Time.GetUtcNow(), content.ChecksumBase64),
            context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchUpload, S3Exception.Detail("UploadId", upload.UploadId));

        return S3Result.Xml(E("CopyPartResult",
            E("LastModified", Timestamp(part.LastModified)),
            E("ETag", ObjectResponseHeaders.QuotedETag(part.ETag)),
            upload.ChecksumAlgorithm is null ? null : E("Checksum" + ChecksumAlgorithms.Name(algorithm), part.ChecksumValue)))
            .WithEncryption(contentKey.Stored, contentKey.Customer);
    }
}
