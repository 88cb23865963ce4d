using System.Collections.Immutable;
using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers.Encryption;

/// <summary>PutBucketEncryption, GetBucketEncryption and DeleteBucketEncryption.</summary>
internal static class BucketEncryptionHandlers
{
    private static readonly ImmutableArray<string> Algorithms = [BucketEncryption.SseS3, BucketEncryption.SseKms, BucketEncryption.SseKmsDsse];
    private static readonly ImmutableArray<string> EncryptionTypes = ["NONE", BucketEncryption.BlockedSseC];

    public static async Task<S3Result> PutBucketEncryptionAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await using var body = UploadLimits.OpenBody(context, ChecksumPlan.FromRequest(context));
        var configuration = Parse(await ReadAsync(body, context.Cancellation).ConfigureAwait(false));
        await context.Store.UpdateBucketAsync(context.Bucket, b => b with { Encryption = configuration }, context.Cancellation)
            .ConfigureAwait(false);
        return S3Result.Empty();
    }

    public static async Task<S3Result> GetBucketEncryptionAsync(S3RequestContext context)
    {
        var encryption = BucketEncryptionDefaults.Effective(context.RequireBucket());
        var blocked = encryption.BlockedEncryptionTypes.Count == 0
            ? null
            : E("BlockedEncryptionTypes", encryption.BlockedEncryptionTypes.Select(t => E("EncryptionType", t)));
        return S3Result.Xml(E("ServerSideEncryptionConfiguration",
            E("Rule",
                E("ApplyServerSideEncryptionByDefault", E("SSEAlgorithm", encryption.SseAlgorithm), Optional("KMSMasterKeyID", encryption.KmsMasterKeyId)),
                E("BucketKeyEnabled", Bool(encryption.BucketKeyEnabled)),
                blocked)));
    }

    public static async Task<S3Result> DeleteBucketEncryptionAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var reset = BucketEncryptionDefaults.For(context.Options);
        await context.Store.UpdateBucketAsync(context.Bucket, b => b with { Encryption = reset }, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty(204);
    }

    private static BucketEncryption Parse(XElement root)
    {
        // Exactly one rule; anything the schema does not allow is MalformedXML, as S3 answers.
        var rules = root.Children("Rule").ToList();
        if (root.Name.LocalName != "ServerSideEncryptionConfiguration" || rules.Count != 1) throw new S3Exception(S3Errors.MalformedXML);
        var rule = rules[0];
        var byDefault = rule.Children("ApplyServerSideEncryptionByDefault").SingleOrDefault() ?? throw new S3Exception(S3Errors.MalformedXML);
        var algorithm = byDefault.Child("SSEAlgorithm");
        if (algorithm is null || !Algorithms.Contains(algorithm)) throw new S3Exception(S3Errors.MalformedXML);
        var keyId = byDefault.Child("KMSMasterKeyID");
        if (!string.IsNullOrEmpty(keyId) && algorithm == BucketEncryption.SseS3)
        {
            throw new S3Exception(S3Errors.InvalidArgument("a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse"),
                S3Exception.Detail("ArgumentName", "ApplyServerSideEncryptionByDefault"));
        }
        var bucketKey = rule.Child("BucketKeyEnabled") switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw new S3Exception(S3Errors.MalformedXML),
        };
        var blocked = rule.Children("BlockedEncryptionTypes").SelectMany(b => b.Children("EncryptionType")).Select(t => t.Value).ToList();
        if (blocked.Any(t => !EncryptionTypes.Contains(t))) throw new S3Exception(S3Errors.MalformedXML);
        return new BucketEncryption(algorithm, string.IsNullOrEmpty(keyId) ? null : keyId, bucketKey, blocked.Where(t => t != "NONE").ToList());
    }
}
