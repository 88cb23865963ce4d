using System.Text;
using System.Text.Json;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Encryption;

/// <summary>The encryption headers S3 returns for an object (spec/sse.md §1, echo rules).</summary>
internal static class EncryptionResponseHeaders
{
    /// <param name="echoCustomerKey">Whether the SSE-C algorithm and key MD5 are echoed (not on CompleteMultipartUpload).</param>
    /// <param name="withContext">Whether the KMS encryption context is returned (PUT, COPY, CreateMultipartUpload).</param>
    public static S3Result WithEncryption(
        this S3Result result, ObjectEncryption? stored, CustomerKey? customerKey, bool echoCustomerKey = true, bool withContext = false)
    {
        switch (stored?.Kind)
        {
            case EncryptionKind.SseS3:
                return result.With(SseHeaders.Algorithm, "AES256");
            case EncryptionKind.SseKms:
                result.With(SseHeaders.Algorithm, stored.KmsAlgorithm ?? "aws:kms")
                    .With(SseHeaders.KmsKeyId, stored.KmsKeyArn)
                    .With(SseHeaders.BucketKeyEnabled, stored.BucketKeyEnabled ? "true" : null);
                if (withContext && stored.KmsContext is { } context)
                {
                    result.With(SseHeaders.KmsContext, Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(context))));
                }
                return result;
            case EncryptionKind.SseC when echoCustomerKey && customerKey is not null:
                return result.With(SseHeaders.CustomerAlgorithm, "AES256").With(SseHeaders.CustomerKeyMd5, customerKey.KeyMd5);
            default:
                return result;
        }
    }
}
