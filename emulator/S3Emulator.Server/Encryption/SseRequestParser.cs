using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Encryption;

/// <summary>
/// Reads and validates the encryption headers of a request, in the order S3 checks them
/// (spec/sse.md §2): SSE-C algorithm → key present → key length → key MD5; SSE-C is HTTPS only and
/// cannot be combined with <c>x-amz-server-side-encryption</c>. No message ever contains the key.
/// </summary>
internal static class SseRequestParser
{
    private const string Aes256 = "AES256";

    /// <summary>The encryption a write (PUT, COPY target, CreateMultipartUpload) asks for.</summary>
    public static RequestedEncryption ForWrite(S3RequestContext context)
    {
        var algorithm = context.Header(SseHeaders.Algorithm);
        var customerKey = CustomerKeyFrom(context, copySource: false);
        var bucketKey = ParseBucketKey(context.Header(SseHeaders.BucketKeyEnabled));
        if (customerKey is not null)
        {
            if (algorithm is not null)
            {
                throw new S3Exception(S3Errors.InvalidArgument("Server Side Encryption with Customer provided key is incompatible with the encryption method specified"),
                    S3Exception.Detail("ArgumentName", SseHeaders.Algorithm), S3Exception.Detail("ArgumentValue", algorithm));
            }
            return new RequestedEncryption.SseC(customerKey);
        }
        var keyId = context.Header(SseHeaders.KmsKeyId);
        return algorithm switch
        {
            null when keyId is not null => throw new S3Exception(
                S3Errors.InvalidArgument("Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms"),
                S3Exception.Detail("ArgumentName", SseHeaders.Algorithm)),
            null => new RequestedEncryption.BucketDefault(bucketKey),
            Aes256 when keyId is not null => throw new S3Exception(
                S3Errors.InvalidArgument("Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms"),
                S3Exception.Detail("ArgumentName", SseHeaders.Algorithm), S3Exception.Detail("ArgumentValue", algorithm)),
            Aes256 => new RequestedEncryption.SseS3(),
            "aws:kms" or "aws:kms:dsse" => new RequestedEncryption.SseKms(
                algorithm, string.IsNullOrEmpty(keyId) ? null : keyId, ParseContext(context.Header(SseHeaders.KmsContext)), bucketKey),
            _ => throw new S3Exception(S3Errors.InvalidArgument($"Invalid value for {SseHeaders.Algorithm}: {algorithm}"),
                S3Exception.Detail("ArgumentName", SseHeaders.Algorithm), S3Exception.Detail("ArgumentValue", algorithm)),
        };
    }

    /// <summary>
    /// The SSE-C key of a read (GET, HEAD, GetObjectAttributes, UploadPart) or, with <paramref name="copySource"/>, of a copy
    /// source. Reads may not name <c>x-amz-server-side-encryption</c> at all.
    /// </summary>
    public static CustomerKey? ForRead(S3RequestContext context, bool copySource = false)
    {
        if (!copySource && context.Header(SseHeaders.Algorithm) is { } algorithm && IsReadOperation(context))
        {
            throw new S3Exception(S3Errors.InvalidArgument("x-amz-server-side-encryption header is not supported for this operation."),
                S3Exception.Detail("ArgumentName", SseHeaders.Algorithm), S3Exception.Detail("ArgumentValue", algorithm));
        }
        return CustomerKeyFrom(context, copySource);
    }

    private static bool IsReadOperation(S3RequestContext context) =>
        context.Request.Operation is S3Operation.GetObject or S3Operation.HeadObject or S3Operation.GetObjectAttributes;

    private static CustomerKey? CustomerKeyFrom(S3RequestContext context, bool copySource)
    {
        var algorithm = context.Header(SseHeaders.ForCopySource(SseHeaders.CustomerAlgorithm, copySource));
        var key = context.Header(SseHeaders.ForCopySource(SseHeaders.CustomerKey, copySource));
        var keyMd5 = context.Header(SseHeaders.ForCopySource(SseHeaders.CustomerKeyMd5, copySource));
        if (algorithm is null && key is null && keyMd5 is null) return null;
        if (!context.Http.Request.IsHttps)
        {
            throw new S3Exception(S3Errors.InvalidRequest("Requests specifying Server Side Encryption with Customer provided keys must be made over a secure connection."));
        }
        if (algorithm is null) throw SseCArgument("Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.");
        if (algorithm != Aes256)
        {
            throw new S3Exception(S3Errors.InvalidEncryptionAlgorithmError,
                S3Exception.Detail("ArgumentName", SseHeaders.Algorithm), S3Exception.Detail("ArgumentValue", algorithm));
        }
        if (key is null) throw SseCArgument("Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.");
        var raw = new byte[48];
        if (!Convert.TryFromBase64String(key.Trim(), raw, out var length) || length != 32)
        {
            throw SseCArgument("The secret key was invalid for the specified algorithm.");
        }
        if (keyMd5 is null) throw SseCArgument("Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.");
        var keyBytes = raw[..32];
        CryptographicOperations.ZeroMemory(raw);
        var md5 = new byte[24];
        if (!Convert.TryFromBase64String(keyMd5.Trim(), md5, out var md5Length) || md5Length != 16
            || !CryptographicOperations.FixedTimeEquals(md5.AsSpan(0, 16), MD5.HashData(keyBytes)))
        {
            throw SseCArgument("The calculated MD5 hash of the key did not match the hash that was provided.");
        }
        return new CustomerKey(keyBytes, keyMd5.Trim());
    }

    private static S3Exception SseCArgument(string message) =>
        new(S3Errors.InvalidArgument(message), S3Exception.Detail("ArgumentName", SseHeaders.Algorithm));

    private static bool? ParseBucketKey(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw new S3Exception(S3Errors.InvalidArgument("The value of x-amz-server-side-encryption-bucket-key-enabled must be true or false"),
            S3Exception.Detail("ArgumentName", SseHeaders.BucketKeyEnabled), S3Exception.Detail("ArgumentValue", value!)),
    };

    /// <summary><c>x-amz-server-side-encryption-context</c>: base64 of a UTF-8 JSON object of strings.</summary>
    private static Dictionary<string, string> ParseContext(string? header)
    {
        if (header is null) return [];
        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim()));
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? throw new JsonException();
        }
        catch (Exception exception) when (exception is FormatException or JsonException or DecoderFallbackException)
        {
            throw new S3Exception(S3Errors.InvalidArgument("The header 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string holding JSON which represents a string-string map"),
                S3Exception.Detail("ArgumentName", SseHeaders.KmsContext));
        }
    }
}
