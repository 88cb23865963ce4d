using System.Runtime.CompilerServices;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// What authorizing a request builds from a bucket's policy or an access point and nothing else — the attached
/// policy with its name, the access point's ARN and the resource prefix under it, whether a policy is public —
/// made once per version of the bucket or access point rather than on every request.
/// </summary>
/// <remarks>
/// Keyed by the instance: stores hand back the same immutable <see cref="BucketInfo"/> and <see cref="AccessPoint"/>
/// until a change replaces it, so a changed policy is a new key, and an old version's entry goes with it (weak keys).
/// The decisions are unchanged: the same policies reach the engine, only built less often.
/// </remarks>
internal sealed class AttachedPolicies(PolicyCache policies)
{
    private readonly ConditionalWeakTable<BucketInfo, BucketPolicyFacts> _buckets = [];
    private readonly ConditionalWeakTable<AccessPoint, AccessPointFacts> _accessPoints = [];

    /// <summary>The bucket's policy as attached to a check (the bucket must have one).</summary>
    public BucketPolicyFacts ForBucket(BucketInfo bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket.Policy);
        if (_buckets.TryGetValue(bucket, out var facts)) return facts;
        facts = new BucketPolicyFacts(new AttachedPolicy(PolicyKind.Bucket, $"bucket policy of {bucket.Name}", policies.Get(bucket.Policy)));
        _buckets.AddOrUpdate(bucket, facts);
        return facts;
    }

    /// <summary>The access point's ARN in <paramref name="region"/> and its policy, attached.</summary>
    public AccessPointFacts ForAccessPoint(AccessPoint accessPoint, string region)
    {
        if (_accessPoints.TryGetValue(accessPoint, out var facts) && facts.Region == region) return facts;
        var policy = accessPoint.Policy is null
            ? null
            : new AttachedPolicy(PolicyKind.AccessPoint, $"access point policy of {accessPoint.Name}", policies.Get(accessPoint.Policy));
        facts = new AccessPointFacts(region, accessPoint.Arn(region), policy);
        _accessPoints.AddOrUpdate(accessPoint, facts);
        return facts;
    }
}

/// <summary>A bucket's policy as authorization uses it (<see cref="AttachedPolicies"/>).</summary>
internal sealed class BucketPolicyFacts
{
    public BucketPolicyFacts(AttachedPolicy policy)
    {
        Policies = [policy];
        IsPublic = PolicyPublicity.IsPublic(policy.Document, PolicyKind.Bucket);
        TestsExistingObjectTags = policy.Document.TestsKeyStartingWith("s3:ExistingObjectTag/");
    }

    /// <summary>The policy alone, as a resource check's list of policies.</summary>
    public IReadOnlyList<AttachedPolicy> Policies { get; }

    /// <summary>Whether the policy is public (what RestrictPublicBuckets takes away from outsiders).</summary>
    public bool IsPublic { get; }

    /// <summary>Whether a condition tests <c>s3:ExistingObjectTag/…</c>, so that deciding needs the stored object's tags.</summary>
    public bool TestsExistingObjectTags { get; }
}

/// <summary>An access point's strings and policy as authorization uses them (<see cref="AttachedPolicies"/>).</summary>
internal sealed class AccessPointFacts
{
    public AccessPointFacts(string region, string arn, AttachedPolicy? policy)
    {
        Region = region;
        Arn = arn;
        ObjectPrefix = arn + "/object/";
        AllObjects = ObjectPrefix + "*";
        Policies = policy is null ? [] : [policy];
        PolicyIsPublic = policy is not null && PolicyPublicity.IsPublic(policy.Document, PolicyKind.AccessPoint);
    }

    public string Region { get; }

    /// <summary><c>arn:aws:s3:{region}:{account}:accesspoint/{name}</c>.</summary>
    public string Arn { get; }

    /// <summary>The ARN's object prefix, <c>{Arn}/object/</c>; an object's resource is this and its key.</summary>
    public string ObjectPrefix { get; }

    /// <summary><c>{Arn}/object/*</c>.</summary>
    public string AllObjects { get; }

    /// <summary>The access point policy, attached; empty when none is set.</summary>
    public IReadOnlyList<AttachedPolicy> Policies { get; }

    /// <summary>Whether the policy is public (what RestrictPublicBuckets takes away from outsiders).</summary>
    public bool PolicyIsPublic { get; }
}
