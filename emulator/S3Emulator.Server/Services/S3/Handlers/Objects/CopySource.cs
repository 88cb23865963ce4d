using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>
/// The object named by <c>x-amz-copy-source</c>: <c>bucket/key</c> or <c>/bucket/key</c>, URL-encoded, with an
/// optional <c>?versionId=</c>. A broken escape or a key that is not UTF-8 once decoded is S3's
/// "Invalid copy source encoding". Opening it applies the <c>x-amz-copy-source-if-*</c> conditions.
/// </summary>
internal sealed record CopySource(string Bucket, string Key)
{
    public static CopySource Parse(string header)
    {
        var value = header.Trim();
        // A raw '?' starts the version query; a '?' inside the key arrives encoded as %3F.
        var question = value.IndexOf('?');
        if (question >= 0) value = value[..question];
        if (!PercentDecoding.TryDecode(value, keepInvalidEscapes: false, out var decoded))
        {
            throw new S3Exception(S3Errors.InvalidCopySourceEncoding,
                S3Exception.Detail("ArgumentName", S3Headers.CopySource), S3Exception.Detail("ArgumentValue", header));
        }
        value = decoded.TrimStart('/');
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new S3Exception(S3Errors.InvalidArgument("Invalid copy source object key"),
                S3Exception.Detail("ArgumentName", S3Headers.CopySource), S3Exception.Detail("ArgumentValue", header));
        }
        return new CopySource(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>
    /// Opens the source (pinned until the response is done; authorization already allowed s3:GetObject on it), checks the copy-source conditions
    /// and its encryption: an SSE-C source needs its key in the <c>x-amz-copy-source-…-customer-*</c> headers.
    /// </summary>
    public async Task<CopySourceContent> OpenAsync(S3RequestContext context)
    {
        var customerKey = SseRequestParser.ForRead(context, copySource: true);
        var bucket = await context.Store.GetBucketAsync(Bucket, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchBucket, S3Exception.Detail("BucketName", Bucket));
        var stored = await context.Store.OpenObjectAsync(Bucket, Key, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchKey, S3Exception.Detail("Key", Key));
        context.Http.Response.RegisterForDisposeAsync(stored);
        RequireConditions(context, stored.Info);
        var dataKey = await context.Encryptor.OpenAsync(context, stored.Info.Encryption, customerKey, Bucket, Key).ConfigureAwait(false);
        return new CopySourceContent(stored, dataKey);
    }

    private static void RequireConditions(S3RequestContext context, ObjectInfo info)
    {
        var ifMatch = context.Header(S3Headers.CopySourceIfMatch);
        var outcome = ConditionalRequest.Evaluate(info, ifMatch, context.Header(S3Headers.CopySourceIfNoneMatch),
            context.Header(S3Headers.CopySourceIfModifiedSince), context.Header(S3Headers.CopySourceIfUnmodifiedSince));
        // For copies every failed condition is a 412: there is no cached copy to keep using.
        if (outcome != ConditionalRequest.Outcome.Proceed)
        {
            var condition = outcome == ConditionalRequest.Outcome.NotModified
                ? "x-amz-copy-source-If-None-Match"
                : ifMatch is not null ? "x-amz-copy-source-If-Match" : "x-amz-copy-source-If-Unmodified-Since";
            throw new S3Exception(S3Errors.PreconditionFailed, S3Exception.Detail("Condition", condition));
        }
    }
}
