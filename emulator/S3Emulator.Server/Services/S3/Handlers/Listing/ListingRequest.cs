using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.S3.Handlers.Listing;

/// <summary>The parameters every listing shares: prefix, delimiter, page size and encoding-type.</summary>
internal sealed record ListingRequest(string Prefix, string? Delimiter, int MaxEntries, KeyEncoding Encoding)
{
    /// <summary>S3's page size limit and default.</summary>
    public const int MaxPageSize = 1000;

    /// <param name="maxParameter">The page-size parameter: <c>max-keys</c> or <c>max-uploads</c>.</param>
    public static ListingRequest From(S3RequestContext context, string maxParameter)
    {
        var delimiter = context.Query.Get("delimiter");
        return new ListingRequest(
            context.Query.Get("prefix") ?? "",
            // An empty delimiter delimits nothing, and S3 leaves it out of the response.
            string.IsNullOrEmpty(delimiter) ? null : delimiter,
            QueryValues.OptionalInt(context, maxParameter, 0, MaxPageSize) ?? MaxPageSize,
            KeyEncoding.From(context));
    }
}

/// <summary><c>encoding-type=url</c>: keys, prefixes, delimiters and markers in the response are URL-encoded.</summary>
internal sealed record KeyEncoding(bool Url)
{
    public static KeyEncoding From(S3RequestContext context)
    {
        var value = context.Query.Get("encoding-type");
        if (value is null) return new KeyEncoding(false);
        if (value != "url")
        {
            throw new S3Exception(S3Errors.InvalidArgument("Invalid Encoding Method specified in Request"),
                S3Exception.Detail("ArgumentName", "encoding-type"), S3Exception.Detail("ArgumentValue", value));
        }
        return new KeyEncoding(true);
    }

    /// <summary>The EncodingType element S3 adds when it encoded the response.</summary>
    public System.Xml.Linq.XElement? Element => Url ? Protocol.S3Xml.E("EncodingType", "url") : null;

    public string? Apply(string? value) => Url && value is not null ? Encode(value) : value;

    /// <summary>Percent-encodes UTF-8 bytes except the unreserved characters and <c>/</c>, which S3 leaves as is.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal);
}
