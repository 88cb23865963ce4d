using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>
/// What a request target may hold before it is read at all. Kestrel already refuses a raw NUL, raw bytes outside
/// ASCII and <c>%00</c>; it lets the other control characters through (0x01–0x1F, 0x7F), which are not URI
/// characters either (RFC 3986): S3's answer for a URI it cannot parse is InvalidURI. Percent-encoded, the same
/// characters are ordinary key characters, as on S3.
/// </summary>
internal static class RequestTargetCharacters
{
    public static void EnsureParsable(string rawTarget)
    {
        foreach (var c in rawTarget)
        {
            if (char.IsControl(c) && c <= '\u007F') throw new S3Exception(S3Errors.InvalidURI);
        }
    }
}
