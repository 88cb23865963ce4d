using Microsoft.AspNetCore.Http;

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
}
