using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Kms;

/// <summary>
/// Hand-made KMS requests, signed the way botocore signs JSON services (no <c>x-amz-content-sha256</c>
/// header), for what the SDK will not send: unknown targets, malformed JSON, unsigned calls.
/// </summary>
internal static class KmsRawRequest
{
    public static HttpRequestMessage Create(Uri serviceUrl, string region, string target, string body, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (!sign) return request;

        var now = DateTime.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var host = serviceUrl.IsDefaultPort ? serviceUrl.Host : $"{serviceUrl.Host}:{serviceUrl.Port}";
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var canonical = string.Join('\n',
            "POST", "/", "",
            "content-type:application/x-amz-json-1.1", $"host:{host}", $"x-amz-date:{amzDate}", $"x-amz-target:{target}", "",
            "content-type;host;x-amz-date;x-amz-target",
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = $"{date}/{region}/kms/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + S3CredentialOptions.DefaultSecretAccessKey);
        foreach (var part in new[] { date, region, "kms", "aws4_request" }) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={S3CredentialOptions.DefaultAccessKeyId}/{scope}, "
            + $"SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature={signature}");
        return request;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
