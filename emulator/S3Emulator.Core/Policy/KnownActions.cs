using System.Collections.Immutable;
using System.Collections.Frozen;

namespace S3Emulator.Core.Policy;

/// <summary>What an action is performed on; decides which resources a bucket policy statement may pair it with.</summary>
internal enum ActionTarget
{
    /// <summary>The bucket ARN (<c>arn:aws:s3:::b</c>).</summary>
    Bucket,

    /// <summary>An object ARN (<c>arn:aws:s3:::b/key</c>).</summary>
    Object,

    /// <summary>Neither (account-level, S3 Control, jobs, Storage Lens…): never valid in a bucket policy.</summary>
    Other,
}

/// <summary>
/// The S3 and S3 Object Lambda actions AWS knows (Service Authorization Reference, list_amazons3 /
/// list_amazons3objectlambda), for validating bucket and access point policies: an unknown action there is
/// "Policy has invalid action". Names are case-insensitive, as IAM treats them.
/// </summary>
internal static class KnownActions
{
    private static readonly ImmutableArray<string> BucketActions =
    [
        "CreateBucket", "DeleteBucket", "ListBucket", "ListBucketVersions", "ListBucketMultipartUploads",
        "GetBucketLocation", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy", "GetBucketPolicyStatus",
        "GetBucketAcl", "PutBucketAcl", "GetBucketCORS", "PutBucketCORS", "GetBucketVersioning", "PutBucketVersioning",
        "GetBucketTagging", "PutBucketTagging", "GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite",
        "GetBucketLogging", "PutBucketLogging", "GetBucketNotification", "PutBucketNotification",
        "GetBucketRequestPayment", "PutBucketRequestPayment", "GetBucketObjectLockConfiguration",
        "PutBucketObjectLockConfiguration", "GetBucketOwnershipControls", "PutBucketOwnershipControls",
        "GetBucketPublicAccessBlock", "PutBucketPublicAccessBlock", "GetEncryptionConfiguration",
        "PutEncryptionConfiguration", "GetLifecycleConfiguration", "PutLifecycleConfiguration",
        "GetReplicationConfiguration", "PutReplicationConfiguration", "DeleteReplicationConfiguration",
        "GetAccelerateConfiguration", "PutAccelerateConfiguration", "GetAnalyticsConfiguration",
        "PutAnalyticsConfiguration", "GetInventoryConfiguration", "PutInventoryConfiguration",
        "GetMetricsConfiguration", "PutMetricsConfiguration", "GetIntelligentTieringConfiguration",
        "PutIntelligentTieringConfiguration", "ListBucketByTags", "GetBucketAbac", "PutBucketAbac",
        "GetBucketMetadataTableConfiguration", "CreateBucketMetadataTableConfiguration",
        "DeleteBucketMetadataTableConfiguration", "PutBucketOwnershipControls", "ListTagsForResource",
        "TagResource", "UntagResource", "GetBucketNotificationConfiguration",
    ];

    private static readonly ImmutableArray<string> ObjectActions =
    [
        "GetObject", "GetObjectVersion", "PutObject", "DeleteObject", "DeleteObjectVersion", "GetObjectAcl",
        "GetObjectVersionAcl", "PutObjectAcl", "PutObjectVersionAcl", "GetObjectTagging", "GetObjectVersionTagging",
        "PutObjectTagging", "PutObjectVersionTagging", "DeleteObjectTagging", "DeleteObjectVersionTagging",
        "GetObjectAttributes", "GetObjectVersionAttributes", "GetObjectRetention", "PutObjectRetention",
        "GetObjectLegalHold", "PutObjectLegalHold", "BypassGovernanceRetention", "AbortMultipartUpload",
        "ListMultipartUploadParts", "RestoreObject", "GetObjectTorrent", "GetObjectVersionTorrent",
        "ReplicateObject", "ReplicateDelete", "ReplicateTags", "GetObjectVersionForReplication",
        "ObjectOwnerOverrideToBucketOwner", "InitiateReplication", "PutObjectVersionAcl",
    ];

    private static readonly ImmutableArray<string> OtherActions =
    [
        "ListAllMyBuckets", "CreateAccessPoint", "DeleteAccessPoint", "GetAccessPoint", "ListAccessPoints",
        "GetAccessPointPolicy", "PutAccessPointPolicy", "DeleteAccessPointPolicy", "GetAccessPointPolicyStatus",
        "CreateAccessPointForObjectLambda", "DeleteAccessPointForObjectLambda", "GetAccessPointForObjectLambda",
        "ListAccessPointsForObjectLambda", "GetAccessPointPolicyForObjectLambda", "PutAccessPointPolicyForObjectLambda",
        "DeleteAccessPointPolicyForObjectLambda", "GetAccessPointPolicyStatusForObjectLambda",
        "GetAccessPointConfigurationForObjectLambda", "PutAccessPointConfigurationForObjectLambda",
        "GetAccountPublicAccessBlock", "PutAccountPublicAccessBlock", "CreateJob", "DescribeJob", "ListJobs",
        "UpdateJobPriority", "UpdateJobStatus", "GetStorageLensConfiguration", "PutStorageLensConfiguration",
        "ListStorageLensConfigurations", "CreateMultiRegionAccessPoint", "GetMultiRegionAccessPoint",
        "ListMultiRegionAccessPoints", "PutAccessPointPublicAccessBlock",
    ];

    private static readonly ImmutableArray<string> ObjectLambdaActions =
    [
        "GetObject", "GetObjectVersion", "GetObjectAcl", "GetObjectVersionAcl", "GetObjectTagging",
        "GetObjectVersionTagging", "GetObjectLegalHold", "GetObjectRetention", "ListBucket", "ListBucketVersions",
        "ListBucketMultipartUploads", "ListMultipartUploadParts", "PutObject", "PutObjectAcl", "PutObjectVersionAcl",
        "PutObjectTagging", "PutObjectVersionTagging", "PutObjectLegalHold", "PutObjectRetention", "DeleteObject",
        "DeleteObjectVersion", "DeleteObjectTagging", "DeleteObjectVersionTagging", "AbortMultipartUpload",
        "RestoreObject", "WriteGetObjectResponse", "GetObjectAttributes", "GetObjectVersionAttributes",
    ];

    /// <summary>s3 action name → what it targets.</summary>
    public static readonly FrozenDictionary<string, ActionTarget> S3 = BucketActions.Select(a => (a, ActionTarget.Bucket))
        .Concat(ObjectActions.Select(a => (a, ActionTarget.Object)))
        .Concat(OtherActions.Select(a => (a, ActionTarget.Other)))
        .DistinctBy(p => p.a, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(p => p.a, p => p.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>s3-object-lambda action names.</summary>
    public static readonly FrozenSet<string> S3ObjectLambda = ObjectLambdaActions.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The S3 actions a (possibly wildcard) action pattern names; empty when it names none.</summary>
    public static IEnumerable<(string Name, ActionTarget Target)> S3Matching(string pattern)
    {
        var glob = WildcardPattern.Parse(pattern, ignoreCase: true);
        return S3.Where(p => glob.Matches(p.Key)).Select(p => (p.Key, p.Value));
    }

    /// <summary>The s3-object-lambda actions a (possibly wildcard) pattern names.</summary>
    public static IEnumerable<string> ObjectLambdaMatching(string pattern)
    {
        var glob = WildcardPattern.Parse(pattern, ignoreCase: true);
        return S3ObjectLambda.Where(glob.Matches);
    }
}
