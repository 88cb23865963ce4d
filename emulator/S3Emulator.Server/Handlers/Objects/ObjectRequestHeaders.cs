using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Pipeline;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Handlers.Objects;

/// <summary>Reads what a write request says about the object it creates: representation headers, metadata, tags.</summary>
internal static class ObjectRequestHeaders
{
    /// <summary>S3 caps user metadata (names and values, UTF-8) at 2 KB.</summary>
    private const int MaxUserMetadataBytes = 2 * 1024;

    public static HttpContentHeaders ContentHeaders(S3RequestContext context) => new(
        ContentType: context.Header("Content-Type"),
        ContentEncoding: StripAwsChunked(context.Header("Content-Encoding")),
        ContentDisposition: context.Header("Content-Disposition"),
        ContentLanguage: context.Header("Content-Language"),
        CacheControl: context.Header("Cache-Control"),
        Expires: context.Header("Expires"));

    public static IReadOnlyDictionary<string, string> UserMetadata(S3RequestContext context)
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Http.Request.Headers)
        {
            if (name.StartsWith(S3Headers.MetaPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[name[S3Headers.MetaPrefix.Length..].ToLowerInvariant()] = values.ToString();
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
    /// Content-Encoding and keeps whatever else the client declared (e.g. <c>gzip</c>).
    /// </summary>
    private static string? StripAwsChunked(string? contentEncoding)
    {
        if (contentEncoding is null) return null;
        var kept = contentEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(e => !e.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return kept.Length == 0 ? null : string.Join(",", kept);
    }
}
