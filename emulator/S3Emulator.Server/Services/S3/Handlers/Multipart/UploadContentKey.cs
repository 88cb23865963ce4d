using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>
/// The content key of a multipart upload, fixed at CreateMultipartUpload: every part is encrypted under it,
/// and for SSE-C every part must bring the same customer key (spec/sse.md §2, multipart rows).
/// </summary>
internal sealed record UploadContentKey(byte[] DataKey, ObjectEncryption? Stored, CustomerKey? Customer)
{
    public static async Task<UploadContentKey> OpenAsync(S3RequestContext context, MultipartUpload upload)
    {
        var customerKey = SseRequestParser.ForRead(context);
        var stored = upload.Template.Encryption;
        var uploadUsesSseC = stored?.Kind == EncryptionKind.SseC;
        if (uploadUsesSseC != customerKey is not null)
        {
            throw new S3Exception(S3Errors.InvalidRequest("The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters."));
        }
        if (uploadUsesSseC && !stored!.CustomerKey!.Matches(customerKey!.Key))
        {
            throw new S3Exception(S3Errors.InvalidRequest("The provided encryption parameters did not match the ones used originally."));
        }
        var dataKey = await context.Encryptor.OpenAsync(context, stored, customerKey, upload.Bucket, upload.Key).ConfigureAwait(false);
        return new UploadContentKey(dataKey ?? throw new InvalidOperationException("Every multipart upload has a content key."), stored, customerKey);
    }

    /// <summary>A part's ETag: its plaintext MD5 under SSE-S3, random hex under SSE-KMS and SSE-C, as S3 gives them.</summary>
    public string ETagFor(string plaintextMd5Hex) => EncryptedETag.For(Stored?.Kind, plaintextMd5Hex);
}
