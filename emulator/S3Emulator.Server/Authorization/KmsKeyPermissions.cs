using System.Collections.Concurrent;
using S3Emulator.Core.Kms;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Handlers.Encryption;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// What SSE-KMS asks of the caller besides S3's own permission (AWS's "Specifying server-side encryption with AWS KMS"):
/// <c>kms:GenerateDataKey</c> on the key to write, <c>kms:Decrypt</c> on the key to read. Keys carry the default key
/// policy, whose only statement names the key's account and so delegates to that account's identity policies.
/// </summary>
internal sealed class KmsKeyPermissions(AccessAuthorizer access, MockKeyManagementService kms, PolicyCache policies)
{
    private const string AwsManagedS3Key = "alias/aws/s3";

    private readonly ConcurrentDictionary<string, AttachedPolicy> _defaultKeyPolicies = new(StringComparer.Ordinal);

    /// <summary>A write that will encrypt with SSE-KMS (named in its headers, or by the bucket's default) needs kms:GenerateDataKey.</summary>
    public async Task AuthorizeWriteAsync(S3RequestContext context, BucketInfo bucket, RequestContextKeys keys)
    {
        if (KeyToWrite(context, bucket) is { } key) await AuthorizeAsync(context, "kms:GenerateDataKey", key, keys).ConfigureAwait(false);
    }

    /// <summary>Reading an SSE-KMS object needs kms:Decrypt on its key.</summary>
    public Task AuthorizeReadAsync(S3RequestContext context, ObjectInfo? stored, RequestContextKeys keys) =>
        stored?.Encryption is { Kind: EncryptionKind.SseKms, KmsKeyArn: { } arn }
            ? AuthorizeAsync(context, "kms:Decrypt", arn, keys)
            : Task.CompletedTask;

    private static string? KeyToWrite(S3RequestContext context, BucketInfo bucket)
    {
        if (context.Header(SseHeaders.Algorithm) is { } algorithm)
        {
            return algorithm.StartsWith(BucketEncryption.SseKms, StringComparison.Ordinal) ? context.Header(SseHeaders.KmsKeyId) ?? AwsManagedS3Key : null;
        }
        if (context.Header(SseHeaders.CustomerAlgorithm) is not null) return null;
        var defaults = BucketEncryptionDefaults.Effective(bucket);
        return defaults.SseAlgorithm == BucketEncryption.SseS3 ? null : defaults.KmsMasterKeyId ?? AwsManagedS3Key;
    }

    private async Task AuthorizeAsync(S3RequestContext context, string action, string keyIdOrAlias, RequestContextKeys keys)
    {
        string arn;
        try
        {
            arn = await kms.ResolveKeyArnAsync(keyIdOrAlias, requireUsable: false, context.Cancellation).ConfigureAwait(false);
        }
        catch (KmsException)
        {
            // No such key: encryption itself answers with KMS's error, as S3 does.
            return;
        }
        var account = arn.Split(':')[4];
        access.Authorize(context.Exchange, context.Principal, action, [new ResourceCheck(arn, account, [DefaultKeyPolicy(account)])], keys);
    }

    // One per account, made once: building the text anew would also make PolicyCache hash it on every SSE-KMS request.
    private AttachedPolicy DefaultKeyPolicy(string account) => _defaultKeyPolicies.GetOrAdd(account, a => new(PolicyKind.KeyPolicy, "default key policy",
        policies.Get($$"""{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{a}}:root"},"Action":"kms:*","Resource":"*"}]}""")));
}
