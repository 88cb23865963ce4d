using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests;

/// <summary>
/// Signs path-style requests with S3's Signature Version 2 as documented (HMAC-SHA1 over VERB, Content-MD5,
/// Content-Type, Date or Expires, the x-amz-* headers and the resource). No .NET SDK signs SigV2 any more;
/// botocore's own SigV2 signer is exercised by the cross-client tests.
/// </summary>
internal static class SigV2Signer
{
    /// <summary>
    /// A request signed in the <c>Authorization: AWS AKID:signature</c> header, carrying one signed x-amz-meta header
    /// and, when given, a signed <c>x-amz-server-side-encryption</c>.
    /// </summary>
    public static HttpRequestMessage HeaderSigned(HttpMethod method, string target, byte[]? body = null, string? contentType = null,
        string secret = S3CredentialOptions.DefaultSecretAccessKey, string? serverSideEncryption = null)
    {
        var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(method, target);
        string? md5 = null;
        if (body is not null)
        {
            md5 = Convert.ToBase64String(MD5.HashData(body));
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-MD5", md5);
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("x-amz-meta-signed-by", "SigV2");
        var amzHeaders = "x-amz-meta-signed-by:SigV2\n";
        if (serverSideEncryption is not null)
        {
            request.Headers.TryAddWithoutValidation("x-amz-server-side-encryption", serverSideEncryption);
            amzHeaders += $"x-amz-server-side-encryption:{serverSideEncryption}\n";
        }
        var stringToSign = $"{method.Method}\n{md5}\n{contentType}\n{date}\n{amzHeaders}{ResourceOf(target)}";
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS {S3CredentialOptions.DefaultAccessKeyId}:{Sign(stringToSign, secret)}");
        return request;
    }

    /// <summary>A SigV2 query-signed (presigned) GET target, valid for five minutes.</summary>
    public static string QuerySigned(string target, string secret = S3CredentialOptions.DefaultSecretAccessKey)
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign($"GET\n\n\n{expires}\n{ResourceOf(target)}", secret);
        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{target}{separator}AWSAccessKeyId={S3CredentialOptions.DefaultAccessKeyId}&Expires={expires}&Signature={Uri.EscapeDataString(signature)}";
    }

    // Path-style: the resource is the path as sent, plus the signed sub-resources (only ?acl-like ones are used here).
    private static string ResourceOf(string target) => target;

    private static string Sign(string stringToSign, string secret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
}
