using System.Globalization;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>
/// <c>x-amz-copy-source-range</c>: unlike a GET Range, only <c>bytes=first-last</c> is accepted, and a
/// range reaching past the source is an error rather than being clipped.
/// </summary>
internal static class CopySourceRange
{
    /// <summary>The bytes of the source to copy: the range, or the whole object when there is no header.</summary>
    public static ByteRange Resolve(string? header, long sourceSize)
    {
        if (header is null) return ByteRange.Whole(sourceSize);
        if (!TryParse(header, out var first, out var last))
        {
            throw new S3Exception(S3Errors.InvalidArgument(
                    "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy"),
                S3Exception.Detail("ArgumentName", S3Headers.CopySourceRange), S3Exception.Detail("ArgumentValue", header));
        }
        if (last >= sourceSize)
        {
            throw new S3Exception(S3Errors.InvalidArgument(
                    string.Create(CultureInfo.InvariantCulture, $"Range specified is not valid for source object of size: {sourceSize}")),
                S3Exception.Detail("ArgumentName", S3Headers.CopySourceRange), S3Exception.Detail("ArgumentValue", header));
        }
        return new ByteRange(first, last);
    }

    private static bool TryParse(string header, out long first, out long last)
    {
        first = last = 0;
        const string unit = "bytes=";
        if (!header.StartsWith(unit, StringComparison.Ordinal)) return false;
        var spec = header.AsSpan(unit.Length);
        var dash = spec.IndexOf('-');
        return dash > 0
            && long.TryParse(spec[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && long.TryParse(spec[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out last)
            && first <= last;
    }
}
