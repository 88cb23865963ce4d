using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>Reads what a write request says about the object it creates: representation headers, metadata, tags.</summary>
internal static class ObjectRequestHeaders
{
    /// <summary>S3 caps user metadata (names and values as stored, UTF-8) at 2 KB.</summary>
    private const int MaxUserMetadataBytes = 2 * 1024;

    public static HttpContentHeaders ContentHeaders(S3RequestContext context) => new(
        ContentType: AsciiOnly("Content-Type", context.Header("Content-Type")),
        ContentEncoding: StripAwsChunked(AsciiOnly("Content-Encoding", context.Header("Content-Encoding"))),
        // Read one character per byte and sent back the same way (S3Headers.IsStoredAsSent): any bytes round-trip.
        ContentDisposition: context.Header("Content-Disposition"),
        ContentLanguage: AsciiOnly("Content-Language", context.Header("Content-Language")),
        CacheControl: AsciiOnly("Cache-Control", context.Header("Cache-Control")),
        Expires: AsciiOnly("Expires", context.Header("Expires")));

    /// <summary>
    /// A stored header Kestrel can only send back as ASCII (it writes its known response headers so, whatever the
    /// encoding selector says). S3 would return the bytes; storing what would come back as <c>?</c> would corrupt it
    /// silently, so the write is refused instead (docs/compatibility.md).
    /// </summary>
    private static string? AsciiOnly(string name, string? value)
    {
        if (value is not null && !Ascii.IsValid(value))
        {
            throw new S3Exception(S3Errors.HeaderNotAscii(name), S3Exception.Detail("ArgumentName", name));
        }
        return value;
    }

    public static IReadOnlyDictionary<string, string> UserMetadata(S3RequestContext context)
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Http.Request.Headers)
        {
            if (name.StartsWith(S3Headers.MetaPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[name[S3Headers.MetaPrefix.Length..].ToLowerInvariant()] = UserMetadataValue.Decode(values.ToString());
            }
        }
        if (metadata.Sum(m => Encoding.UTF8.GetByteCount(m.Key) + Encoding.UTF8.GetByteCount(m.Value)) > MaxUserMetadataBytes)
        {
            throw new S3Exception(S3Errors.MetadataTooLarge);
        }
        return metadata;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Tags(S3RequestContext context) =>
        TagSet.ParseHeader(context.Header(S3Headers.Tagging));

    public static string StorageClass(S3RequestContext context) => context.Header(S3Headers.StorageClass) ?? "STANDARD";

    /// <summary>
    /// <c>aws-chunked</c> describes the transfer, not the object: S3 removes it from the stored
    /// Content-Encoding and keeps whatever else the client declared exactly as sent, spacing included
    /// (<c>aws-chunked, deflate, gzip</c> is stored as <c>deflate, gzip</c>).
    /// </summary>
    internal static string? StripAwsChunked(string? contentEncoding)
    {
        if (contentEncoding is null) return null;
        // Each kept coding keeps the text around it; only the aws-chunked entries and their commas go.
        var kept = contentEncoding.Split(',')
            .Where(e => !e.Trim().Equals("aws-chunked", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var stored = string.Join(",", kept).Trim();
        return stored.Length == 0 ? null : stored;
    }
}
