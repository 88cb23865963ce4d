using System.Xml.Linq;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.S3.Handlers.Listing;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using static S3Emulator.Server.Protocol.S3Xml;
using static S3Emulator.Server.Services.S3.Handlers.Listing.ListingXml;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>ListParts (paged by part number) and ListMultipartUploads (paged by key and upload id).</summary>
internal static class MultipartListingHandlers
{
    public static async Task<S3Result> ListPartsAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var upload = await MultipartUploads.RequireAsync(context).ConfigureAwait(false);
        var maxParts = QueryValues.OptionalInt(context, "max-parts", 0, ListingRequest.MaxPageSize) ?? ListingRequest.MaxPageSize;
        var marker = QueryValues.OptionalInt(context, "part-number-marker", 0, int.MaxValue) ?? 0;
        var parts = (await context.Store.ListPartsAsync(context.Bucket, upload.UploadId, context.Cancellation).ConfigureAwait(false))
            .Where(p => p.PartNumber > marker)
            .ToList();
        var page = parts.Take(maxParts).ToList();
        var truncated = parts.Count > page.Count;
        var owner = upload.Template.OwnerAccountId;
        // Parts of an upload created without an algorithm keep a CRC64NVME only for assembling; S3 does not show it.
        var algorithm = upload.ChecksumAlgorithm;
        return S3Result.Xml(E("ListPartsResult",
            E("Bucket", context.Bucket),
            E("Key", context.Key),
            E("UploadId", upload.UploadId),
            Initiator(owner),
            Owner(owner),
            E("StorageClass", upload.Template.StorageClass),
            E("PartNumberMarker", Number(marker)),
            E("NextPartNumberMarker", Number(page.Count > 0 ? page[^1].PartNumber : marker)),
            E("MaxParts", Number(maxParts)),
            E("IsTruncated", Bool(truncated)),
            algorithm is null ? null : E("ChecksumAlgorithm", ChecksumAlgorithms.Name(algorithm.Value)),
            algorithm is null ? null : E("ChecksumType", ObjectResponseHeaders.ChecksumTypeName(upload.ChecksumType)),
            page.Select(p => E("Part",
                E("PartNumber", Number(p.PartNumber)),
                E("LastModified", Timestamp(p.LastModified)),
                E("ETag", ObjectResponseHeaders.QuotedETag(p.ETag)),
                E("Size", Number(p.Size)),
                algorithm is null || p.ChecksumValue is null ? null : E("Checksum" + ChecksumAlgorithms.Name(algorithm.Value), p.ChecksumValue)))));
    }

    public static async Task<S3Result> ListMultipartUploadsAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var request = ListingRequest.From(context, "max-uploads");
        var keyMarker = context.Query.Get("key-marker") ?? "";
        // S3 ignores upload-id-marker without a key-marker.
        var uploadIdMarker = keyMarker.Length == 0 ? "" : context.Query.Get("upload-id-marker") ?? "";
        var uploads = await context.Store.ListMultipartUploadsAsync(context.Bucket, context.Cancellation).ConfigureAwait(false);
        var page = new ListingPage<MultipartUpload>(request.Prefix, request.Delimiter, keyMarker.Length == 0 ? null : keyMarker, request.MaxEntries);
        foreach (var upload in After(uploads, request.Prefix, keyMarker, uploadIdMarker))
        {
            if (!page.Offer(upload, upload.Key)) break;
        }
        var encoding = request.Encoding;
        var lastUpload = page.Contents.Count == 0 ? null : page.Contents[^1];
        // A truncated page that ends on a common prefix resumes after that prefix; otherwise the markers
        // name the last upload listed, as S3's examples show.
        var resumesAfterPrefix = page.IsTruncated && page.LastEntryIsCommonPrefix;
        return S3Result.Xml(E("ListMultipartUploadsResult",
            E("Bucket", context.Bucket),
            E("KeyMarker", encoding.Apply(keyMarker)),
            E("UploadIdMarker", uploadIdMarker),
            E("NextKeyMarker", encoding.Apply((resumesAfterPrefix ? page.LastEntry : lastUpload?.Key) ?? "")),
            E("NextUploadIdMarker", (resumesAfterPrefix ? null : lastUpload?.UploadId) ?? ""),
            Optional("Delimiter", encoding.Apply(request.Delimiter)),
            E("Prefix", encoding.Apply(request.Prefix)),
            encoding.Element,
            E("MaxUploads", Number(request.MaxEntries)),
            E("IsTruncated", Bool(page.IsTruncated)),
            page.Contents.Select(u => Upload(u, encoding)),
            CommonPrefixes(page, encoding)));
    }

    /// <summary>
    /// Uploads under the prefix that come after the markers: keys after key-marker, plus the later uploads of
    /// key-marker itself when upload-id-marker names one of them.
    /// </summary>
    private static IEnumerable<MultipartUpload> After(IReadOnlyList<MultipartUpload> uploads, string prefix, string keyMarker, string uploadIdMarker)
    {
        var passedMarker = false;
        foreach (var upload in uploads)
        {
            if (!upload.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var order = Core.Storage.S3KeyComparer.Instance.Compare(upload.Key, keyMarker);
            if (keyMarker.Length == 0 || order > 0 || (order == 0 && uploadIdMarker.Length > 0 && passedMarker))
            {
                yield return upload;
            }
            else if (order == 0 && upload.UploadId == uploadIdMarker)
            {
                passedMarker = true;
            }
        }
    }

    private static XElement Upload(MultipartUpload upload, KeyEncoding encoding) => E("Upload",
        E("Key", encoding.Apply(upload.Key)),
        E("UploadId", upload.UploadId),
        Initiator(upload.Template.OwnerAccountId),
        Owner(upload.Template.OwnerAccountId),
        E("StorageClass", upload.Template.StorageClass),
        E("Initiated", Timestamp(upload.Initiated)),
        upload.ChecksumAlgorithm is { } algorithm ? E("ChecksumAlgorithm", ChecksumAlgorithms.Name(algorithm)) : null,
        upload.ChecksumAlgorithm is null ? null : E("ChecksumType", ObjectResponseHeaders.ChecksumTypeName(upload.ChecksumType)));
}
