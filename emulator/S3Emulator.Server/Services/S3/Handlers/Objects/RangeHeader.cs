using System.Globalization;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>
/// The single byte range S3 supports: <c>bytes=a-b</c>, <c>bytes=a-</c> and <c>bytes=-n</c>.
/// A header S3 cannot parse (or a multi-range) is ignored and the whole object is served, as S3 does.
/// </summary>
internal static class RangeHeader
{
    /// <summary>The satisfiable range, or null to serve the whole object; throws InvalidRange when it cannot be satisfied.</summary>
    public static ByteRange? Resolve(string? header, long size)
    {
        if (header is null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return null;
        var spec = header["bytes=".Length..].Trim();
        if (spec.Contains(',')) return null;
        var dash = spec.IndexOf('-');
        if (dash < 0) return null;
        var firstText = spec[..dash].Trim();
        var lastText = spec[(dash + 1)..].Trim();

        if (firstText.Length == 0)
        {
            if (!TryParse(lastText, out var suffix)) return null;
            if (suffix == 0 || size == 0) throw Unsatisfiable(header, size);
            return new ByteRange(Math.Max(0, size - suffix), size - 1);
        }
        if (!TryParse(firstText, out var first)) return null;
        long last;
        if (lastText.Length == 0) last = size - 1;
        else if (!TryParse(lastText, out last) || last < first) return null;
        if (first >= size) throw Unsatisfiable(header, size);
        return new ByteRange(first, Math.Min(last, size - 1));
    }

    public static string ContentRange(ByteRange range, long size) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes {range.First}-{range.Last}/{size}");

    private static S3Exception Unsatisfiable(string header, long size)
    {
        var error = new S3Exception(S3Errors.InvalidRange,
            S3Exception.Detail("RangeRequested", header),
            S3Exception.Detail("ActualObjectSize", size.ToString(CultureInfo.InvariantCulture)));
        error.Headers["Content-Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes */{size}");
        return error;
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
