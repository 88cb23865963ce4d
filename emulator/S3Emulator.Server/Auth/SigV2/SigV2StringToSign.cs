using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace S3Emulator.Server.Auth.SigV2;

/// <summary>
/// S3's Signature Version 2: <c>Base64(HMAC-SHA1(secret, StringToSign))</c> where StringToSign is
/// <c>VERB\nContent-MD5\nContent-Type\nDate\n</c> + CanonicalizedAmzHeaders + CanonicalizedResource.
/// The date line is the <c>Date</c> header, empty when <c>x-amz-date</c> is sent (which is then signed among the
/// <c>x-amz-*</c> headers), or the <c>Expires</c> parameter of a query-signed URL.
/// </summary>
internal static class SigV2StringToSign
{
    public static string Build(HttpRequest request, string dateLine, string canonicalResource)
    {
        var builder = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(Positional(request, "Content-MD5")).Append('\n')
            .Append(Positional(request, "Content-Type")).Append('\n')
            .Append(dateLine).Append('\n');
        foreach (var (name, value) in CanonicalAmzHeaders(request))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        return builder.Append(canonicalResource).ToString();
    }

    public static string Sign(string secretAccessKey, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Constant-time compare of two base64 signatures.</summary>
    public static bool SignatureEquals(string computed, string provided) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(provided));

    private static string Positional(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? string.Join(',', values.Select(v => v?.Trim())) : string.Empty;

    // Lowercase names, sorted; repeated headers joined with commas; folded whitespace collapsed to one space.
    private static IEnumerable<(string Name, string Value)> CanonicalAmzHeaders(HttpRequest request) =>
        request.Headers
            .Select(header => (Name: header.Key.ToLowerInvariant(), header.Value))
            .Where(header => header.Name.StartsWith("x-amz-", StringComparison.Ordinal))
            .GroupBy(header => header.Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, string.Join(',', group.SelectMany(h => h.Value.ToArray()).Select(Unfold))));

    private static string Unfold(string? value) =>
        string.Join(' ', (value ?? string.Empty).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));
}
