using System.Text;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// The SigV4 canonical request with S3's rules: the URI is the raw path as sent (no normalisation,
/// no second encoding), the query is re-encoded per RFC 3986 and sorted, headers are lowercased,
/// trimmed and space-collapsed.
/// </summary>
internal static class CanonicalRequest
{
    /// <summary><c>METHOD\nURI\nQUERY\nHEADERS\n\nSIGNEDHEADERS\nPAYLOADHASH</c>.</summary>
    public static string Build(
        string method,
        string rawPath,
        IEnumerable<KeyValuePair<string, string>> decodedQuery,
        IReadOnlyList<string> signedHeaders,
        Func<string, string?> headerValue,
        string payloadHash)
    {
        var builder = new StringBuilder(512);
        builder.Append(method).Append('\n');
        builder.Append(rawPath).Append('\n');
        builder.Append(Query(decodedQuery)).Append('\n');
        builder.Append(Headers(signedHeaders, headerValue)).Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>Each key and value RFC 3986-encoded, sorted by key then value (ordinal), <c>key=</c> when empty.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> decodedQuery) =>
        string.Join('&', decodedQuery
            .Select(pair => (Key: UriEncoding.Encode(pair.Key), Value: UriEncoding.Encode(pair.Value)))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => pair.Key + "=" + pair.Value));

    /// <summary><c>name:value\n</c> per signed header, in the order given (SignedHeaders is sorted by the client).</summary>
    public static string Headers(IReadOnlyList<string> signedHeaders, Func<string, string?> headerValue)
    {
        var builder = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(headerValue(name) ?? string.Empty)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Trims the value and collapses every run of spaces inside it to one space.</summary>
    public static string CanonicalHeaderValue(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            if (c == ' ' && previousSpace)
            {
                continue;
            }

            previousSpace = c == ' ';
            builder.Append(c);
        }

        return builder.ToString();
    }
}
