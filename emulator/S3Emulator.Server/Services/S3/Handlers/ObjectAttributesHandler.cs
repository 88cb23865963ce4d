using System.Xml.Linq;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using static S3Emulator.Server.Protocol.S3Xml;
using static S3Emulator.Server.Services.S3.Handlers.Listing.ListingXml;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>
/// GetObjectAttributes: what HEAD and ListParts would tell, in one XML body holding only the attributes asked for.
/// Elements come in S3's order (ETag, Checksum, ObjectParts, StorageClass, ObjectSize) whatever the request's order.
/// </summary>
internal static class ObjectAttributesHandler
{
    public static async Task<S3Result> GetObjectAttributesAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var request = ObjectAttributesRequest.From(context);
        var customerKey = SseRequestParser.ForRead(context);
        var info = await context.Store.GetObjectInfoAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchKey, S3Exception.Detail("Key", context.Key));
        // Like HEAD: the SSE-C key is checked, but no content is read, so KMS is never asked.
        ObjectEncryptor.RequireCustomerKey(info.Encryption, customerKey);

        // No SSE headers and no ETag header: S3 sends the ETag, unquoted, in the body only.
        return S3Result.Xml(E("GetObjectAttributesResponse",
                request.Wants(ObjectAttributesRequest.ETag) ? E("ETag", info.ETag) : null,
                request.Wants(ObjectAttributesRequest.Checksum) ? Checksum(info) : null,
                request.Wants(ObjectAttributesRequest.ObjectParts) ? ObjectParts(info, request) : null,
                request.Wants(ObjectAttributesRequest.StorageClass) ? E("StorageClass", info.StorageClass) : null,
                request.Wants(ObjectAttributesRequest.ObjectSize) ? E("ObjectSize", Number(info.Size)) : null))
            .With("Last-Modified", ObjectResponseHeaders.HttpDate(info.LastModified));
    }

    private static XElement? Checksum(ObjectInfo info)
    {
        if (info.Checksum is not { } checksum) return null;
        // A composite checksum is shown without the "-N" part count that GET and CompleteMultipartUpload append.
        var dash = checksum.Value.IndexOf('-', StringComparison.Ordinal);
        var value = checksum.Type == ChecksumType.Composite && dash >= 0 ? checksum.Value[..dash] : checksum.Value;
        return E("Checksum",
            E("Checksum" + ChecksumAlgorithms.Name(checksum.Algorithm), value),
            E("ChecksumType", ObjectResponseHeaders.ChecksumTypeName(checksum.Type)));
    }

    /// <summary>
    /// Nothing for a single-PUT object. A multipart object with a full-object checksum (or none) shows only its
    /// part count; one with a composite checksum also lists its parts, paged like ListParts.
    /// </summary>
    private static XElement? ObjectParts(ObjectInfo info, ObjectAttributesRequest request)
    {
        if (info.Parts.Count == 0) return null;
        // S3's element is PartsCount; SDKs surface it as TotalPartsCount.
        var count = E("PartsCount", Number(info.Parts.Count));
        if (info.Checksum is not { Type: ChecksumType.Composite } checksum) return E("ObjectParts", count);

        var remaining = info.Parts.Where(p => p.PartNumber > request.PartNumberMarker).ToList();
        var page = remaining.Take(request.MaxParts).ToList();
        var checksumName = "Checksum" + ChecksumAlgorithms.Name(checksum.Algorithm);
        return E("ObjectParts",
            count,
            E("PartNumberMarker", Number(request.PartNumberMarker)),
            E("NextPartNumberMarker", Number(page.Count > 0 ? page[^1].PartNumber : 0)),
            E("MaxParts", Number(request.MaxParts)),
            E("IsTruncated", Bool(remaining.Count > page.Count)),
            page.Select(p => E("Part",
                E("PartNumber", Number(p.PartNumber)),
                E("Size", Number(p.Size)),
                p.ChecksumValue is null ? null : E(checksumName, p.ChecksumValue))));
    }
}
