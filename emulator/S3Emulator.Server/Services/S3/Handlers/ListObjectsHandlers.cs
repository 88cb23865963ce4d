using System.Xml.Linq;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.S3.Handlers.Listing;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using static S3Emulator.Server.Protocol.S3Xml;
using static S3Emulator.Server.Services.S3.Handlers.Listing.ListingXml;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>ListObjects (V1, marker paging) and ListObjectsV2 (continuation tokens), streamed from the store.</summary>
internal static class ListObjectsHandlers
{
    public static async Task<S3Result> ListObjectsAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        var request = ListingRequest.From(context, "max-keys");
        var marker = context.Query.Get("marker") ?? "";
        var page = await ReadPageAsync(context, request, marker.Length == 0 ? null : marker).ConfigureAwait(false);
        var encoding = request.Encoding;
        // S3 sends NextMarker only with a delimiter; without one the last key is the next marker.
        var nextMarker = page.IsTruncated && request.Delimiter is not null ? page.LastEntry : null;
        return S3Result.Xml(E("ListBucketResult",
            E("Name", context.Bucket),
            // V1 encodes Delimiter, Marker, NextMarker, keys and common prefixes, but returns Prefix as sent
            // (botocore's V1 decoder, which matches S3, leaves it alone; V2 encodes it).
            E("Prefix", request.Prefix),
            E("Marker", encoding.Apply(marker)),
            Optional("NextMarker", encoding.Apply(nextMarker)),
            E("MaxKeys", Number(request.MaxEntries)),
            Optional("Delimiter", encoding.Apply(request.Delimiter)),
            encoding.Element,
            E("IsTruncated", Bool(page.IsTruncated)),
            page.Contents.Select(o => Contents(o, encoding, owner: o.OwnerAccountId.Length > 0 ? o.OwnerAccountId : bucket.OwnerAccountId)),
            CommonPrefixes(page, encoding)));
    }

    public static async Task<S3Result> ListObjectsV2Async(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        var request = ListingRequest.From(context, "max-keys");
        var token = context.Query.Get("continuation-token");
        var startAfter = context.Query.Get("start-after");
        // The token resumes after the last entry sent, which already sorts after start-after.
        var after = token is not null ? ContinuationToken.Decode(token) : string.IsNullOrEmpty(startAfter) ? null : startAfter;
        var fetchOwner = string.Equals(context.Query.Get("fetch-owner"), "true", StringComparison.OrdinalIgnoreCase);
        var page = await ReadPageAsync(context, request, after).ConfigureAwait(false);
        var encoding = request.Encoding;
        return S3Result.Xml(E("ListBucketResult",
            E("Name", context.Bucket),
            E("Prefix", encoding.Apply(request.Prefix)),
            string.IsNullOrEmpty(startAfter) ? null : E("StartAfter", encoding.Apply(startAfter)),
            Optional("ContinuationToken", token),
            page.IsTruncated ? E("NextContinuationToken", ContinuationToken.Encode(page.LastEntry!)) : null,
            E("KeyCount", Number(page.Count)),
            E("MaxKeys", Number(request.MaxEntries)),
            Optional("Delimiter", encoding.Apply(request.Delimiter)),
            encoding.Element,
            E("IsTruncated", Bool(page.IsTruncated)),
            page.Contents.Select(o => Contents(o, encoding,
                owner: !fetchOwner ? null : o.OwnerAccountId.Length > 0 ? o.OwnerAccountId : bucket.OwnerAccountId)),
            CommonPrefixes(page, encoding)));
    }

    private static async Task<ListingPage<ObjectInfo>> ReadPageAsync(S3RequestContext context, ListingRequest request, string? after)
    {
        var page = new ListingPage<ObjectInfo>(request.Prefix, request.Delimiter, after, request.MaxEntries);
        await foreach (var info in context.Store.ListObjectsAsync(context.Bucket, request.Prefix, after, context.Cancellation)
                           .ConfigureAwait(false))
        {
            if (!page.Offer(info, info.Key)) break;
        }
        return page;
    }

    private static XElement Contents(ObjectInfo info, KeyEncoding encoding, string? owner) => E("Contents",
        E("Key", encoding.Apply(info.Key)),
        E("LastModified", Timestamp(info.LastModified)),
        E("ETag", ObjectResponseHeaders.QuotedETag(info.ETag)),
        info.Checksum is { } checksum ? E("ChecksumAlgorithm", ChecksumAlgorithms.Name(checksum.Algorithm)) : null,
        info.Checksum is { } type ? E("ChecksumType", ObjectResponseHeaders.ChecksumTypeName(type.Type)) : null,
        E("Size", Number(info.Size)),
        owner is null ? null : Owner(owner),
        E("StorageClass", info.StorageClass));

}
