using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests;

/// <summary>
/// A SigV4-signed S3 request whose path and query travel exactly as written here, for inputs no SDK can
/// send (keys that are not UTF-8, hostile XML bodies). The canonical URI is the path as sent, as S3 signs
/// it; the query must already be in canonical form (sorted, encoded) when it is signed.
/// </summary>
internal static class RawS3Request
{
    public static HttpRequestMessage Create(HttpMethod method, Uri serviceUrl, string region, string rawPath, string canonicalQuery = "",
        byte[]? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var target = rawPath + (canonicalQuery.Length > 0 ? "?" + canonicalQuery : "");
        var uri = new Uri(serviceUrl.GetLeftPart(UriPartial.Authority) + target,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, uri);
        if (body is not null) request.Content = new ByteArrayContent(body);

        var now = DateTime.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var host = serviceUrl.IsDefaultPort ? serviceUrl.Host : $"{serviceUrl.Host}:{serviceUrl.Port}";
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD",
            ["x-amz-date"] = amzDate,
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) signed[name.ToLowerInvariant()] = value;
        foreach (var (name, value) in signed.Where(h => h.Key != "host"))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content!.Headers.TryAddWithoutValidation(name, value);
        }

        var signedHeaders = string.Join(';', signed.Keys);
        var canonical = string.Join('\n',
            method.Method, rawPath, canonicalQuery,
            string.Concat(signed.Select(h => $"{h.Key}:{h.Value.Trim()}\n")),
            signedHeaders, "UNSIGNED-PAYLOAD");
        var scope = $"{date}/{region}/s3/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + S3CredentialOptions.DefaultSecretAccessKey);
        foreach (var part in new[] { date, region, "s3", "aws4_request" }) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={S3CredentialOptions.DefaultAccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        return request;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
