using System.Collections.Immutable;
using System.Globalization;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>The headers that describe a stored object on GET and HEAD, and the response-* overrides S3 applies.</summary>
internal static class ObjectResponseHeaders
{
    /// <summary>What S3 answers as Content-Type for an object stored without one.</summary>
    public const string DefaultContentType = "binary/octet-stream";

    private static readonly ImmutableArray<(string Query, string Header)> Overrides =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"),
        ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ];

    public static string QuotedETag(string etag) => "\"" + etag + "\"";

    public static string HttpDate(DateTimeOffset time) => time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>ETag and Last-Modified: what S3 sends even on 304 Not Modified.</summary>
    public static S3Result WithValidators(this S3Result result, ObjectInfo info) => result
        .With("ETag", QuotedETag(info.ETag))
        .With("Last-Modified", HttpDate(info.LastModified));

    public static S3Result WithObjectHeaders(this S3Result result, S3RequestContext context, ObjectInfo info)
    {
        var headers = info.ContentHeaders;
        result.WithValidators(info)
            .With("Accept-Ranges", "bytes")
            .With("Content-Type", headers.ContentType ?? DefaultContentType)
            .With("Content-Encoding", headers.ContentEncoding)
            .With("Content-Disposition", headers.ContentDisposition)
            .With("Content-Language", headers.ContentLanguage)
            .With("Cache-Control", headers.CacheControl)
            .With("Expires", headers.Expires)
            .With(S3Headers.StorageClass, info.StorageClass == "STANDARD" ? null : info.StorageClass);
        foreach (var (name, value) in info.UserMetadata)
        {
            result.With(S3Headers.MetaPrefix + name, UserMetadataValue.Encode(value));
        }
        if (info.Tags.Count > 0 && context.Request.Operation != Routing.S3Operation.HeadObject)
        {
            result.With(S3Headers.TaggingCount, info.Tags.Count.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var (query, header) in Overrides)
        {
            if (context.Query.Get(query) is { } value) result.With(header, SendableOverride(query, value));
        }
        return result;
    }

    /// <summary>
    /// A response-* override goes out as a header, one byte per character (ISO-8859-1): what that cannot carry, or
    /// what would end the header line, S3 refuses.
    /// </summary>
    private static string SendableOverride(string query, string value)
    {
        if (value.Any(c => c > '\u00FF' || (char.IsControl(c) && c != '\t')))
        {
            throw new S3Exception(S3Errors.HeaderValueNotLatin1, S3Exception.Detail("ArgumentName", query),
                S3Exception.Detail("ArgumentValue", value));
        }
        return value;
    }

    /// <summary>The stored checksum, sent when the client asked with <c>x-amz-checksum-mode: ENABLED</c>.</summary>
    public static S3Result WithChecksum(this S3Result result, S3RequestContext context, StoredChecksum? checksum)
    {
        if (checksum is null || !string.Equals(context.Header(S3Headers.ChecksumMode), "ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }
        return result
            .With(ChecksumAlgorithms.HeaderName(checksum.Algorithm), checksum.Value)
            .With(S3Headers.ChecksumType, ChecksumTypeName(checksum.Type));
    }

    public static string ChecksumTypeName(ChecksumType type) => type == ChecksumType.Composite ? "COMPOSITE" : "FULL_OBJECT";
}
