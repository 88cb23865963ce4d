using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>GetBucketAcl, PutBucketAcl, GetObjectAcl and PutObjectAcl (see <see cref="AclRules"/>).</summary>
internal static class AclHandlers
{
    public static async Task<S3Result> GetBucketAclAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        return S3Result.Xml(AccessControlPolicyXml.OwnerFullControl(BucketAccess.CanonicalUserId(bucket.OwnerAccountId)));
    }

    public static async Task<S3Result> PutBucketAclAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        await AclRules.CheckAclWriteAsync(context, bucket, "s3:PutBucketAcl", S3Arns.Bucket(bucket.Name)).ConfigureAwait(false);
        return S3Result.Empty();
    }

    public static async Task<S3Result> GetObjectAclAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        var info = await RequireObjectAsync(context).ConfigureAwait(false);
        // With ACLs disabled the bucket owner owns every object; otherwise the uploading account does.
        var owner = bucket.ObjectOwnership == ObjectOwnership.BucketOwnerEnforced
            ? bucket.OwnerAccountId
            : info.OwnerAccountId is { Length: > 0 } writer ? writer : bucket.OwnerAccountId;
        return S3Result.Xml(AccessControlPolicyXml.OwnerFullControl(BucketAccess.CanonicalUserId(owner)));
    }

    public static async Task<S3Result> PutObjectAclAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        await RequireObjectAsync(context).ConfigureAwait(false);
        await AclRules.CheckAclWriteAsync(context, bucket, "s3:PutObjectAcl", S3Arns.Object(bucket.Name, context.Key))
            .ConfigureAwait(false);
        return S3Result.Empty();
    }

    private static async Task<ObjectInfo> RequireObjectAsync(S3RequestContext context) =>
        await context.Store.GetObjectInfoAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false)
        ?? throw new S3Exception(S3Errors.NoSuchKey, S3Exception.Detail("Key", context.Key));
}
