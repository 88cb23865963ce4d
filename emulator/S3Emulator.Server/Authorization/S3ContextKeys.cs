using System.Globalization;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// The <c>s3:*</c> condition keys S3 fills from a request (AWS's "Amazon S3 condition key examples" and the Service
/// Authorization Reference): listing parameters, encryption and ACL headers, request tags, how it was signed.
/// A key the request does not carry stays absent, so that <c>Null</c> and <c>…IfExists</c> see it as AWS does.
/// </summary>
internal static class S3ContextKeys
{
    public static RequestContextKeys AddTo(RequestContextKeys keys, S3RequestContext context, DateTimeOffset now)
    {
        var operation = context.Request.Operation;
        if (operation is S3Operation.ListObjects or S3Operation.ListObjectsV2 or S3Operation.ListObjectVersions)
        {
            SetFromQuery(keys, context, "prefix", "s3:prefix");
            SetFromQuery(keys, context, "delimiter", "s3:delimiter");
            SetFromQuery(keys, context, "max-keys", "s3:max-keys");
        }
        SetFromHeader(keys, context, SseHeaders.Algorithm, "s3:x-amz-server-side-encryption");
        SetFromHeader(keys, context, SseHeaders.KmsKeyId, "s3:x-amz-server-side-encryption-aws-kms-key-id");
        SetFromHeader(keys, context, SseHeaders.CustomerAlgorithm, "s3:x-amz-server-side-encryption-customer-algorithm");
        SetFromHeader(keys, context, "x-amz-acl", "s3:x-amz-acl");
        SetFromHeader(keys, context, "x-amz-content-sha256", "s3:x-amz-content-sha256");
        SetFromHeader(keys, context, S3Headers.CopySource, "s3:x-amz-copy-source");
        SetFromHeader(keys, context, "x-amz-metadata-directive", "s3:x-amz-metadata-directive");
        SetFromHeader(keys, context, "x-amz-storage-class", "s3:x-amz-storage-class");
        if (context.Header(S3Headers.Tagging) is { } tagging)
        {
            var tags = TagSet.ParseHeader(tagging);
            foreach (var (key, value) in tags) keys.Set("s3:RequestObjectTag/" + key, value);
            keys.Set("s3:RequestObjectTagKeys", tags.Select(t => t.Key));
        }
        AddSignature(keys, context, now);
        return keys;
    }

    private static void AddSignature(RequestContextKeys keys, S3RequestContext context, DateTimeOffset now)
    {
        if (context.Principal is null) return;
        var authorization = context.Header("authorization");
        var presigned = string.IsNullOrEmpty(authorization);
        keys.Set("s3:authType", presigned ? "REST-QUERY-STRING" : "REST-HEADER");
        var sigV2 = presigned ? context.Query.Has("AWSAccessKeyId") : !authorization!.StartsWith("AWS4-", StringComparison.Ordinal);
        keys.Set("s3:signatureversion", sigV2 ? "AWS" : "AWS4-HMAC-SHA256");
        var signedAt = presigned ? context.Query.Get("X-Amz-Date") : context.Header("x-amz-date");
        if (signedAt is not null && DateTimeOffset.TryParseExact(signedAt, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signed))
        {
            keys.Set("s3:signatureAge", Math.Max(0, (long)(now - signed).TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void SetFromQuery(RequestContextKeys keys, S3RequestContext context, string parameter, string key)
    {
        if (context.Query.Get(parameter) is { } value) keys.Set(key, value);
    }

    private static void SetFromHeader(RequestContextKeys keys, S3RequestContext context, string header, string key)
    {
        if (context.Header(header) is { } value) keys.Set(key, value);
    }
}
