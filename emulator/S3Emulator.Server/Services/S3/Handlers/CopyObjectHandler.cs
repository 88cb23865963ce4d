using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>CopyObject: metadata and tagging directives, copy-source conditions, and a fresh ETag and checksum.</summary>
internal static class CopyObjectHandler
{
    public static async Task<S3Result> CopyObjectAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        UploadLimits.RequireValidKey(context.Key);
        await Access.AclRules.CheckObjectWriteAsync(context, bucket, "s3:CopyObject").ConfigureAwait(false);
        var source = CopySource.Parse(context.Header(S3Headers.CopySource)!);
        var requested = SseRequestParser.ForWrite(context);
        var replaceMetadata = Directive(context, S3Headers.MetadataDirective);
        var replaceTags = Directive(context, S3Headers.TaggingDirective);
        var sourceContent = await source.OpenAsync(context).ConfigureAwait(false);
        var sourceInfo = sourceContent.Info;
        if (sourceInfo.Size > UploadLimits.MaxSinglePutBytes)
        {
            throw new S3Exception(S3Errors.InvalidRequest("The specified copy source is larger than the maximum allowable size for a copy source: 5368709120"));
        }
        var storageClass = context.Header(S3Headers.StorageClass) ?? sourceInfo.StorageClass;
        if (source.Bucket == context.Bucket && source.Key == context.Key && !replaceMetadata
            && storageClass == sourceInfo.StorageClass && context.Header(S3Headers.ChecksumAlgorithm) is null
            && requested is RequestedEncryption.BucketDefault)
        {
            throw new S3Exception(S3Errors.InvalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes."));
        }

        var algorithm = RequestedAlgorithm(context) ?? sourceInfo.Checksum?.Algorithm ?? ChecksumAlgorithm.Crc64Nvme;
        var plan = new ChecksumPlan(null, algorithm, null, ExpectedInTrailer: false, ClientChose: true);
        // The copy gets its own content key: the target's encryption, never the source's key.
        var contentKey = await context.Encryptor.NewContentKeyAsync(context, requested, bucket, context.Key).ConfigureAwait(false);
        await using var content = new VerifyingUploadStream(sourceContent.Read(ByteRange.Whole(sourceInfo.Size)), plan, null, null, leaveOpen: false);
        var info = await EncryptedObjectWriter.PutAsync(context, contentKey, content, stored => stored with
        {
            ContentHeaders = replaceMetadata ? ObjectRequestHeaders.ContentHeaders(context) : sourceInfo.ContentHeaders,
            UserMetadata = replaceMetadata ? ObjectRequestHeaders.UserMetadata(context) : sourceInfo.UserMetadata,
            Tags = replaceTags ? ObjectRequestHeaders.Tags(context) : sourceInfo.Tags,
            StorageClass = storageClass,
        }).ConfigureAwait(false);

        return S3Result.Xml(E("CopyObjectResult",
            E("LastModified", Timestamp(info.LastModified)),
            E("ETag", ObjectResponseHeaders.QuotedETag(info.ETag)),
            E("Checksum" + ChecksumAlgorithms.Name(algorithm), info.Checksum!.Value),
            E("ChecksumType", "FULL_OBJECT")))
            .WithEncryption(info.Encryption, contentKey.Customer, withContext: requested is RequestedEncryption.SseKms { Context.Count: > 0 });
    }

    private static ChecksumAlgorithm? RequestedAlgorithm(S3RequestContext context)
    {
        var name = context.Header(S3Headers.ChecksumAlgorithm);
        if (name is null) return null;
        return ChecksumAlgorithms.TryParseName(name, out var algorithm)
            ? algorithm
            : throw new S3Exception(S3Errors.InvalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"));
    }

    /// <summary>COPY (the default) keeps the source's values; REPLACE takes the request's.</summary>
    private static bool Directive(S3RequestContext context, string header) => context.Header(header) switch
    {
        null or "COPY" => false,
        "REPLACE" => true,
        var other => throw new S3Exception(S3Errors.InvalidArgument($"Unknown {(header == S3Headers.MetadataDirective ? "metadata" : "tagging")} directive."),
            S3Exception.Detail("ArgumentName", header), S3Exception.Detail("ArgumentValue", other)),
    };
}
