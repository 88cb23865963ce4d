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
        string payloadHash) =>
        Build(method, rawPath, [.. decodedQuery], excludedParameter: null, signedHeaders, headerValue, payloadHash);

    /// <summary>
    /// <see cref="Build(string, string, IEnumerable{KeyValuePair{string, string}}, IReadOnlyList{string}, Func{string, string?}, string)"/>
    /// leaving out every query parameter named <paramref name="excludedParameter"/> (a presigned URL's signature), in one builder.
    /// </summary>
    public static string Build(
        string method,
        string rawPath,
        IReadOnlyList<KeyValuePair<string, string>> decodedQuery,
        string? excludedParameter,
        IReadOnlyList<string> signedHeaders,
        Func<string, string?> headerValue,
        string payloadHash)
    {
        var builder = new StringBuilder(512);
        builder.Append(method).Append('\n');
        builder.Append(rawPath).Append('\n');
        AppendQuery(builder, decodedQuery, excludedParameter);
        builder.Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(headerValue(name) ?? string.Empty)).Append('\n');
        }

        builder.Append('\n');
        builder.AppendJoin(';', signedHeaders).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>Each key and value RFC 3986-encoded, sorted by key then value (ordinal), <c>key=</c> when empty.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> decodedQuery)
    {
        var builder = new StringBuilder();
        AppendQuery(builder, [.. decodedQuery], excludedParameter: null);
        return builder.ToString();
    }

    private static void AppendQuery(StringBuilder builder, IReadOnlyList<KeyValuePair<string, string>> decodedQuery, string? excludedParameter)
    {
        var count = 0;
        var encoded = new (string Key, string Value)[decodedQuery.Count];
        for (var i = 0; i < decodedQuery.Count; i++)
        {
            var (key, value) = decodedQuery[i];
            if (excludedParameter is not null && string.Equals(key, excludedParameter, StringComparison.Ordinal)) continue;
            encoded[count++] = (UriEncoding.Encode(key), UriEncoding.Encode(value));
        }

        // Key then value decide the order completely: pairs that compare equal are equal, so an unstable sort is exact.
        var pairs = encoded.AsSpan(0, count);
        pairs.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0) builder.Append('&');
            builder.Append(pairs[i].Key).Append('=').Append(pairs[i].Value);
        }
    }

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
