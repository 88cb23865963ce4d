using System.Globalization;
using System.Security.Cryptography;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Services.S3.Handlers.Listing;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>
/// CompleteMultipartUpload: validates the part list, then commits the parts as one object. A retry of a
/// completion that succeeded (SDKs retry one whose answer was lost) gets the same answer again, for as long as
/// the object that upload made is still the one at its key.
/// </summary>
internal static class CompleteMultipartUploadHandler
{
    public static async Task<S3Result> CompleteMultipartUploadAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var upload = await MultipartUploads.FindAsync(context).ConfigureAwait(false);
        if (upload is null) return await AnswerRetryAsync(context).ConfigureAwait(false);
        var requested = await ReadPartListAsync(context, upload.ChecksumAlgorithm).ConfigureAwait(false);
        var uploaded = await context.Store.ListPartsAsync(context.Bucket, upload.UploadId, context.Cancellation).ConfigureAwait(false);
        var parts = CompletedParts.Match(upload, requested, uploaded);
        var checksum = FinalChecksum(upload, parts);
        RequireDeclaredChecksum(context, checksum);

        var final = upload.Template with
        {
            Size = parts.Sum(p => p.Size),
            ETag = MultipartETag(parts),
            // S3 dates a multipart object from the start of its upload, not its completion.
            LastModified = upload.Initiated,
            Checksum = checksum,
            Parts = [.. parts.Select(p => new ObjectPart(p.PartNumber, p.Size, p.ETag, p.ChecksumValue))],
            CompletedUploadId = upload.UploadId,
        };
        var info = await context.Store.CompleteMultipartUploadAsync(context.Bucket, upload.UploadId,
            [.. parts.Select(p => p.PartNumber)], final, context.Cancellation).ConfigureAwait(false);
        return Result(context, info);
    }

    /// <summary>
    /// The upload is gone: if it was completed and its object is still the one at the key (the object records
    /// the upload id, and any later write or delete replaces that record), answer as the completion did.
    /// Otherwise it never existed, was aborted, or its object has since been replaced: NoSuchUpload.
    /// </summary>
    private static async Task<S3Result> AnswerRetryAsync(S3RequestContext context)
    {
        var uploadId = MultipartUploads.RequestedUploadId(context);
        var current = await context.Store.GetObjectInfoAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false);
        if (uploadId.Length == 0 || current?.CompletedUploadId != uploadId) throw MultipartUploads.NoSuchUpload(uploadId);
        // The body is still read and must still be a part list; the parts were checked by the first completion.
        await ReadPartListAsync(context, algorithm: null).ConfigureAwait(false);
        RequireDeclaredChecksum(context, current.Checksum);
        return Result(context, current);
    }

    private static async Task<IReadOnlyList<CompletedPart>> ReadPartListAsync(S3RequestContext context, ChecksumAlgorithm? algorithm)
    {
        // Any x-amz-checksum-* header here is the whole object's checksum, not the body's.
        var plan = new ChecksumPlan(null, ChecksumAlgorithm.Crc64Nvme, null, ExpectedInTrailer: false, ClientChose: false);
        await using var body = UploadLimits.OpenBody(context, plan);
        return CompletedParts.Parse(await ReadAsync(body, context.Cancellation).ConfigureAwait(false), algorithm);
    }

    /// <summary>The answer, built from the completed object's record alone, so that a retry gets the same one.</summary>
    private static S3Result Result(S3RequestContext context, ObjectInfo info) =>
        S3Result.Xml(E("CompleteMultipartUploadResult",
            E("Location", Location(context)),
            E("Bucket", context.Bucket),
            E("Key", context.Key),
            E("ETag", ObjectResponseHeaders.QuotedETag(info.ETag)),
            info.Checksum is not { } checksum ? null : E("Checksum" + ChecksumAlgorithms.Name(checksum.Algorithm), checksum.Value),
            info.Checksum is not { } type ? null : E("ChecksumType", ObjectResponseHeaders.ChecksumTypeName(type.Type))))
            // CompleteMultipartUpload names the encryption but never echoes an SSE-C key's MD5.
            .WithEncryption(info.Encryption, null, echoCustomerKey: false);

    /// <summary>The hex MD5 of the concatenated binary part MD5s, then <c>-N</c>.</summary>
    private static string MultipartETag(IReadOnlyList<PartInfo> parts)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var part in parts) md5.AppendData(Convert.FromHexString(part.ETag));
        return Convert.ToHexStringLower(md5.GetHashAndReset()) + "-" + parts.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// COMPOSITE: the checksum of the part checksums, <c>base64-N</c>. FULL_OBJECT: the CRC of the whole object,
    /// combined from the part CRCs; an upload created without an algorithm gets CRC64NVME this way.
    /// </summary>
    private static StoredChecksum? FinalChecksum(MultipartUpload upload, IReadOnlyList<PartInfo> parts)
    {
        var algorithm = upload.ChecksumAlgorithm ?? ChecksumAlgorithm.Crc64Nvme;
        var raw = new List<byte[]>(parts.Count);
        foreach (var part in parts)
        {
            if (!ChecksumAlgorithms.TryDecode(algorithm, part.ChecksumValue, out var value)) return null;
            raw.Add(value);
        }
        if (upload.ChecksumAlgorithm is not null && upload.ChecksumType == ChecksumType.Composite)
        {
            return new StoredChecksum(algorithm, MultipartChecksum.Composite(algorithm, raw), ChecksumType.Composite);
        }
        var whole = MultipartChecksum.FullObject(algorithm, [.. raw.Zip(parts, (r, p) => (r, p.Size))]);
        return new StoredChecksum(algorithm, Convert.ToBase64String(whole), ChecksumType.FullObject);
    }

    /// <summary>A full-object checksum the client computed itself must match the one assembled from the parts.</summary>
    private static void RequireDeclaredChecksum(S3RequestContext context, StoredChecksum? checksum)
    {
        if (checksum is not { Type: ChecksumType.FullObject }) return;
        var declared = context.Header(ChecksumAlgorithms.HeaderName(checksum.Algorithm));
        if (declared is not null && declared.Trim() != checksum.Value)
        {
            throw new S3Exception(S3Errors.ChecksumMismatch(ChecksumAlgorithms.Name(checksum.Algorithm)));
        }
    }

    /// <summary>The object's URL as S3 reports it: virtual-hosted or path-style, as the request was addressed.</summary>
    private static string Location(S3RequestContext context)
    {
        var request = context.Http.Request;
        var key = KeyEncoding.Encode(context.Key);
        return context.Request.VirtualHosted
            ? $"{request.Scheme}://{request.Host}/{key}"
            : $"{request.Scheme}://{request.Host}/{context.Bucket}/{key}";
    }
}
