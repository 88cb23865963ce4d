using System.Collections.Frozen;
using System.Globalization;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Handlers.Listing;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>
/// The headers of a GetObjectAttributes request: which attributes to return (<c>x-amz-object-attributes</c>, a
/// comma-separated list) and the page of parts (<c>x-amz-max-parts</c>, <c>x-amz-part-number-marker</c>).
/// </summary>
internal sealed record ObjectAttributesRequest(IReadOnlySet<string> Attributes, int MaxParts, int PartNumberMarker)
{
    public const string AttributesHeader = "x-amz-object-attributes";
    public const string MaxPartsHeader = "x-amz-max-parts";
    public const string PartNumberMarkerHeader = "x-amz-part-number-marker";

    public const string ETag = "ETag";
    public const string Checksum = "Checksum";
    public const string ObjectParts = "ObjectParts";
    public const string StorageClass = "StorageClass";
    public const string ObjectSize = "ObjectSize";

    private static readonly FrozenSet<string> Known = new[] { ETag, Checksum, ObjectParts, StorageClass, ObjectSize }.ToFrozenSet(StringComparer.Ordinal);

    public bool Wants(string attribute) => Attributes.Contains(attribute);

    public static ObjectAttributesRequest From(S3RequestContext context)
    {
        var header = context.Header(AttributesHeader);
        var names = (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // S3 answers the same InvalidArgument whether the list is missing, empty or names something unknown.
        if (names.Length == 0) throw InvalidAttribute(header);
        foreach (var name in names)
        {
            if (!Known.Contains(name)) throw InvalidAttribute(name);
        }
        return new ObjectAttributesRequest(
            names.ToHashSet(StringComparer.Ordinal),
            OptionalInt(context, MaxPartsHeader) is { } max ? Math.Min(max, ListingRequest.MaxPageSize) : ListingRequest.MaxPageSize,
            OptionalInt(context, PartNumberMarkerHeader) ?? 0);
    }

    private static S3Exception InvalidAttribute(string? value) =>
        value is null
            ? new S3Exception(S3Errors.InvalidArgument("Invalid attribute name specified."), S3Exception.Detail("ArgumentName", AttributesHeader))
            : new S3Exception(S3Errors.InvalidArgument("Invalid attribute name specified."),
                S3Exception.Detail("ArgumentName", AttributesHeader), S3Exception.Detail("ArgumentValue", value));

    private static int? OptionalInt(S3RequestContext context, string header)
    {
        var raw = context.Header(header);
        if (raw is null) return null;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new S3Exception(S3Errors.InvalidArgument($"Provided {header} not an integer or within integer range"),
                S3Exception.Detail("ArgumentName", header), S3Exception.Detail("ArgumentValue", raw));
        }
        return value;
    }
}
