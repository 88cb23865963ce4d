using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>Object tags as S3 validates them: at most 10, unique keys of up to 128 and values of up to 256 characters.</summary>
internal static class TagSet
{
    public const int MaxTags = 10;

    /// <summary>Parses <c>x-amz-tagging</c>: URL-encoded <c>key=value</c> pairs joined by <c>&amp;</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseHeader(string? header) =>
        header is null ? [] : Validate(QueryParameters.Parse(header).All);

    public static IReadOnlyList<KeyValuePair<string, string>> Validate(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (tags.Count > MaxTags) throw new S3Exception(S3Errors.TooManyTags);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > 128) throw new S3Exception(S3Errors.InvalidTagKey);
            if (value.Length > 256) throw new S3Exception(S3Errors.InvalidTag);
            if (!keys.Add(key)) throw new S3Exception(S3Errors.DuplicateTagKeys);
        }
        return tags;
    }
}
