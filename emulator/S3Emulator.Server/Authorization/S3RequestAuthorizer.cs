using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Handlers.Access;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Decides an S3 request before its handler runs: the operation's action (<see cref="S3OperationActions"/>) on its
/// bucket or object with the bucket policy, then the actions the request implies — <c>s3:PutObjectTagging</c> for a
/// tagging header, <c>s3:GetObject</c> on a copy's source with the source bucket's policy, the KMS key's actions for
/// SSE-KMS (<see cref="KmsKeyPermissions"/>). Block Public Access's
/// RestrictPublicBuckets takes a public bucket policy away from callers outside the bucket's account.
/// </summary>
internal sealed class S3RequestAuthorizer(
    AccessAuthorizer access, KmsKeyPermissions kmsKeys, PolicyCache policies, TimeProvider time)
{
    private const string AllBucketsArn = "arn:aws:s3:::*";

    private readonly AttachedPolicies _attached = new(policies);

    public async Task AuthorizeAsync(S3RequestContext context)
    {
        var request = context.Request;
        var (action, scope) = S3OperationActions.All[request.Operation];
        var keys = S3ContextKeys.AddTo(GlobalContextKeys.For(context.Http, context.Principal, time), context, time.GetUtcNow());

        if (scope == ResourceScope.Service || context.ResolvedBucket is not { } bucket)
        {
            // ListBuckets, and CreateBucket (whose bucket does not exist yet): only the caller's own policies speak.
            var resource = scope == ResourceScope.Service ? AllBucketsArn : S3Arns.Bucket(context.Bucket);
            access.Authorize(context.Exchange, context.Principal, action,
                [new ResourceCheck(resource, context.Principal?.AccountId ?? "", [])], keys, namesResource: scope != ResourceScope.Service);
            return;
        }

        // The object as stored, for s3:ExistingObjectTag/<key> and kms:Decrypt; loaded only when a decision can use it.
        var stored = NeedsStoredObject(context, bucket)
            ? await context.Store.GetObjectInfoAsync(bucket.Name, context.Key, context.Cancellation).ConfigureAwait(false)
            : null;
        foreach (var (tagKey, tagValue) in stored?.Tags ?? []) keys.Set("s3:ExistingObjectTag/" + tagKey, tagValue);

        var target = scope switch
        {
            ResourceScope.Object => S3Arns.Object(bucket.Name, context.Key),
            ResourceScope.AllObjects => S3Arns.Object(bucket.Name, "*"),
            _ => S3Arns.Bucket(bucket.Name),
        };
        var bucketCheck = await BucketCheckAsync(context, bucket, target).ConfigureAwait(false);
        ResourceCheck[] checks = [bucketCheck];
        if (context.AccessPoint is { } accessPoint)
        {
            // Through an access point both must allow: the access point (its policy) and the bucket (its policy,
            // usually delegating with s3:DataAccessPointAccount).
            var facts = _attached.ForAccessPoint(accessPoint, context.Options.Region);
            AccessPointKeys(keys, accessPoint, facts.Arn);
            var apResource = scope switch
            {
                ResourceScope.Object => facts.ObjectPrefix + context.Key,
                ResourceScope.AllObjects => facts.AllObjects,
                _ => facts.Arn,
            };
            checks = [new ResourceCheck(apResource, accessPoint.AccountId, AccessPointPolicy(accessPoint, facts, context)), bucketCheck];
            EnsureWithinForwardedScope(context, apResource, facts.Arn);
        }
        else if (context.Principal?.Forwarded is { Resource: not Core.Identity.ForwardedAccess.AnyResource })
        {
            throw ForwardedScopeExceeded(context);
        }
        access.Authorize(context.Exchange, context.Principal, action, checks, keys);

        var writesObject = request.Operation is S3Operation.PutObject or S3Operation.CopyObject or S3Operation.CreateMultipartUpload;
        if (writesObject && context.Header(S3Headers.Tagging) is not null)
        {
            access.Authorize(context.Exchange, context.Principal, "s3:PutObjectTagging", checks, keys);
        }
        if (writesObject) await kmsKeys.AuthorizeWriteAsync(context, bucket, keys).ConfigureAwait(false);
        if (request.Operation == S3Operation.GetObject) await kmsKeys.AuthorizeReadAsync(context, stored, keys).ConfigureAwait(false);
        if (request.Operation is S3Operation.CopyObject or S3Operation.UploadPartCopy
            && context.Header(S3Headers.CopySource) is { } copySource)
        {
            await AuthorizeCopySourceAsync(context, CopySource.Parse(copySource), keys).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Credentials minted for S3 Object Lambda's <c>inputS3Url</c> reach exactly the object (or, for a listing, the access
    /// point) they were minted for, and only to read it.
    /// </summary>
    private static void EnsureWithinForwardedScope(S3RequestContext context, string apResource, string apArn)
    {
        if (context.Principal?.Forwarded is not { } forwarded || forwarded.Resource == Core.Identity.ForwardedAccess.AnyResource) return;
        var allowed = context.Request.Operation switch
        {
            S3Operation.GetObject or S3Operation.HeadObject => apResource == forwarded.Resource,
            S3Operation.ListObjects or S3Operation.ListObjectsV2 => apArn == forwarded.Resource,
            _ => false,
        };
        if (!allowed) throw ForwardedScopeExceeded(context);
    }

    private static S3Exception ForwardedScopeExceeded(S3RequestContext context) => new(S3Errors.AccessDeniedBecause(
        $"User: {context.Principal!.Arn} is not authorized to perform: {S3OperationActions.All[context.Request.Operation].Action} " +
        "with these credentials: they were issued by S3 Object Lambda for another request"));

    private async Task AuthorizeCopySourceAsync(S3RequestContext context, CopySource source, RequestContextKeys keys)
    {
        var bucket = await context.Store.GetBucketAsync(source.Bucket, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchBucket, S3Exception.Detail("BucketName", source.Bucket));
        var check = await BucketCheckAsync(context, bucket, S3Arns.Object(bucket.Name, source.Key)).ConfigureAwait(false);
        access.Authorize(context.Exchange, context.Principal, "s3:GetObject", [check], keys);
        var stored = await context.Store.GetObjectInfoAsync(bucket.Name, source.Key, context.Cancellation).ConfigureAwait(false);
        await kmsKeys.AuthorizeReadAsync(context, stored, keys).ConfigureAwait(false);
    }

    // The bucket's check; ValueTasks because Block Public Access is the only part that may wait, and only for a caller
    // outside the bucket's account: the usual request completes synchronously without allocating a Task.
    private async ValueTask<ResourceCheck> BucketCheckAsync(S3RequestContext context, BucketInfo bucket, string resourceArn)
    {
        var policies = await BucketPolicyForAsync(context, bucket).ConfigureAwait(false);
        return new ResourceCheck(resourceArn, bucket.OwnerAccountId, policies);
    }

    /// <summary>The bucket policy as it applies to this caller (one or none): none when RestrictPublicBuckets takes a public one away.</summary>
    private ValueTask<IReadOnlyList<AttachedPolicy>> BucketPolicyForAsync(S3RequestContext context, BucketInfo bucket)
    {
        if (bucket.Policy is null) return ValueTask.FromResult<IReadOnlyList<AttachedPolicy>>([]);
        var attached = _attached.ForBucket(bucket);
        if (context.Principal?.AccountId != bucket.OwnerAccountId && attached.IsPublic)
        {
            return RestrictedAsync(context, bucket, attached.Policies);
        }
        return ValueTask.FromResult(attached.Policies);

        static async ValueTask<IReadOnlyList<AttachedPolicy>> RestrictedAsync(
            S3RequestContext context, BucketInfo bucket, IReadOnlyList<AttachedPolicy> policies)
        {
            var effective = await BlockPublicAccess.EffectiveAsync(context, bucket).ConfigureAwait(false);
            return effective.RestrictPublicBuckets ? [] : policies;
        }
    }

    /// <summary>
    /// Whether deciding needs the stored object: for operations on an existing object, when a policy may test its tags,
    /// or when the caller is not the bucket account's root user (who is allowed its account's KMS keys; anyone else needs
    /// kms:Decrypt).
    /// </summary>
    private bool NeedsStoredObject(S3RequestContext context, BucketInfo bucket) =>
        context.Request.Operation is S3Operation.GetObject or S3Operation.HeadObject or S3Operation.GetObjectAttributes
            or S3Operation.GetObjectTagging or S3Operation.PutObjectTagging or S3Operation.DeleteObjectTagging or S3Operation.DeleteObject
            or S3Operation.GetObjectAcl or S3Operation.PutObjectAcl
        && (context.Principal is not { IsRoot: true } root || root.AccountId != bucket.OwnerAccountId
            || bucket.Policy is not null && _attached.ForBucket(bucket).TestsExistingObjectTags);

    private static void AccessPointKeys(RequestContextKeys keys, AccessPoint accessPoint, string apArn) => keys
        .Set("s3:DataAccessPointArn", apArn)
        .Set("s3:DataAccessPointAccount", accessPoint.AccountId)
        .Set("s3:AccessPointNetworkOrigin", accessPoint.NetworkOrigin == AccessPointNetworkOrigin.Vpc ? "VPC" : "Internet");

    /// <summary>The access point's policy; RestrictPublicBuckets (its own or its account's) takes a public one from outsiders.</summary>
    private static IReadOnlyList<AttachedPolicy> AccessPointPolicy(AccessPoint accessPoint, AccessPointFacts facts, S3RequestContext context)
    {
        if (context.Principal?.AccountId != accessPoint.AccountId && accessPoint.PublicAccessBlock.RestrictPublicBuckets
            && facts.PolicyIsPublic)
        {
            return [];
        }
        return facts.Policies;
    }
}
