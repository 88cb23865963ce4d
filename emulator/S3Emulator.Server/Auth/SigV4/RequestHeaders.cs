using System.Text;
using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>Reads header values the way SigV4 canonicalises them.</summary>
internal static class RequestHeaders
{
    /// <summary>
    /// The header as the client wrote it. A value split into several entries is joined with ", ",
    /// the way HttpClient writes a list header such as <c>Content-Encoding: identity, aws-chunked</c>
    /// (which the AWS SDK signs with the space); TestServer hands such a header over split.
    /// </summary>
    public static string? Get(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(", ", values.ToArray()) : null;

    /// <summary>
    /// The header as the client signed it: SigV4 signs bytes. User metadata arrives one character per byte
    /// (ISO-8859-1, see <c>S3EmulatorKestrelExtensions</c>) while clients sign the UTF-8 of the text they sent, so a
    /// value whose bytes are UTF-8 is signed as that text; any other value as it reads.
    /// </summary>
    public static string? GetAsSigned(HttpRequest request, string name) => Get(request, name) is { } value ? AsSigned(value) : null;

    internal static string AsSigned(string value) =>
        Ascii.IsValid(value) || value.Any(c => c > '\u00FF') || !StrictUtf8.TryDecode(Encoding.Latin1.GetBytes(value), out var text)
            ? value
            : text;
}
