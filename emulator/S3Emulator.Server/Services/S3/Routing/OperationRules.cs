namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>
/// The classification table: for each method and resource level, the query sub-resource (or copy-source
/// header) that selects an operation. Rows are tried top to bottom; the first match wins, so the
/// more specific rows come first and each level ends with its default (no sub-resource).
/// </summary>
internal static class OperationRules
{
    /// <param name="SubResource">A query parameter that must be present; null matches any request.</param>
    /// <param name="NeedsCopySource">Whether <c>x-amz-copy-source</c> must be present.</param>
    internal sealed record Rule(string Method, ResourceLevel Level, string? SubResource, S3Operation Operation, bool NeedsCopySource = false);

    public static readonly IReadOnlyList<Rule> All =
    [
        new("GET", ResourceLevel.Service, null, S3Operation.ListBuckets),

        new("HEAD", ResourceLevel.Bucket, null, S3Operation.HeadBucket),
        new("GET", ResourceLevel.Bucket, "location", S3Operation.GetBucketLocation),
        new("GET", ResourceLevel.Bucket, "list-type", S3Operation.ListObjectsV2),
        new("GET", ResourceLevel.Bucket, "versions", S3Operation.ListObjectVersions),
        new("GET", ResourceLevel.Bucket, "uploads", S3Operation.ListMultipartUploads),
        new("GET", ResourceLevel.Bucket, "tagging", S3Operation.GetBucketTagging),
        new("GET", ResourceLevel.Bucket, "policyStatus", S3Operation.GetBucketPolicyStatus),
        new("GET", ResourceLevel.Bucket, "policy", S3Operation.GetBucketPolicy),
        new("GET", ResourceLevel.Bucket, "encryption", S3Operation.GetBucketEncryption),
        new("GET", ResourceLevel.Bucket, "versioning", S3Operation.GetBucketVersioning),
        new("GET", ResourceLevel.Bucket, "acl", S3Operation.GetBucketAcl),
        new("GET", ResourceLevel.Bucket, "cors", S3Operation.GetBucketCors),
        new("GET", ResourceLevel.Bucket, "lifecycle", S3Operation.GetBucketLifecycleConfiguration),
        new("GET", ResourceLevel.Bucket, "website", S3Operation.GetBucketWebsite),
        new("GET", ResourceLevel.Bucket, "logging", S3Operation.GetBucketLogging),
        new("GET", ResourceLevel.Bucket, "notification", S3Operation.GetBucketNotificationConfiguration),
        new("GET", ResourceLevel.Bucket, "replication", S3Operation.GetBucketReplication),
        new("GET", ResourceLevel.Bucket, "ownershipControls", S3Operation.GetBucketOwnershipControls),
        new("GET", ResourceLevel.Bucket, "publicAccessBlock", S3Operation.GetPublicAccessBlock),
        new("GET", ResourceLevel.Bucket, "object-lock", S3Operation.GetObjectLockConfiguration),
        new("GET", ResourceLevel.Bucket, "accelerate", S3Operation.GetBucketAccelerateConfiguration),
        new("GET", ResourceLevel.Bucket, "requestPayment", S3Operation.GetBucketRequestPayment),
        new("GET", ResourceLevel.Bucket, null, S3Operation.ListObjects),
        new("PUT", ResourceLevel.Bucket, "tagging", S3Operation.PutBucketTagging),
        new("PUT", ResourceLevel.Bucket, "policy", S3Operation.PutBucketPolicy),
        new("PUT", ResourceLevel.Bucket, "encryption", S3Operation.PutBucketEncryption),
        new("PUT", ResourceLevel.Bucket, "versioning", S3Operation.PutBucketVersioning),
        new("PUT", ResourceLevel.Bucket, "acl", S3Operation.PutBucketAcl),
        new("PUT", ResourceLevel.Bucket, "cors", S3Operation.PutBucketCors),
        new("PUT", ResourceLevel.Bucket, "lifecycle", S3Operation.PutBucketLifecycleConfiguration),
        new("PUT", ResourceLevel.Bucket, "website", S3Operation.PutBucketWebsite),
        new("PUT", ResourceLevel.Bucket, "logging", S3Operation.PutBucketLogging),
        new("PUT", ResourceLevel.Bucket, "notification", S3Operation.PutBucketNotificationConfiguration),
        new("PUT", ResourceLevel.Bucket, "replication", S3Operation.PutBucketReplication),
        new("PUT", ResourceLevel.Bucket, "ownershipControls", S3Operation.PutBucketOwnershipControls),
        new("PUT", ResourceLevel.Bucket, "publicAccessBlock", S3Operation.PutPublicAccessBlock),
        new("PUT", ResourceLevel.Bucket, "object-lock", S3Operation.PutObjectLockConfiguration),
        new("PUT", ResourceLevel.Bucket, "accelerate", S3Operation.PutBucketAccelerateConfiguration),
        new("PUT", ResourceLevel.Bucket, "requestPayment", S3Operation.PutBucketRequestPayment),
        new("PUT", ResourceLevel.Bucket, null, S3Operation.CreateBucket),
        new("DELETE", ResourceLevel.Bucket, "tagging", S3Operation.DeleteBucketTagging),
        new("DELETE", ResourceLevel.Bucket, "policy", S3Operation.DeleteBucketPolicy),
        new("DELETE", ResourceLevel.Bucket, "encryption", S3Operation.DeleteBucketEncryption),
        new("DELETE", ResourceLevel.Bucket, "cors", S3Operation.DeleteBucketCors),
        new("DELETE", ResourceLevel.Bucket, "lifecycle", S3Operation.DeleteBucketLifecycle),
        new("DELETE", ResourceLevel.Bucket, "website", S3Operation.DeleteBucketWebsite),
        new("DELETE", ResourceLevel.Bucket, "replication", S3Operation.DeleteBucketReplication),
        new("DELETE", ResourceLevel.Bucket, "ownershipControls", S3Operation.DeleteBucketOwnershipControls),
        new("DELETE", ResourceLevel.Bucket, "publicAccessBlock", S3Operation.DeletePublicAccessBlock),
        new("DELETE", ResourceLevel.Bucket, null, S3Operation.DeleteBucket),
        new("POST", ResourceLevel.Bucket, "delete", S3Operation.DeleteObjects),
        new("POST", ResourceLevel.Bucket, null, S3Operation.PostObject),

        new("HEAD", ResourceLevel.Object, null, S3Operation.HeadObject),
        new("GET", ResourceLevel.Object, "uploadId", S3Operation.ListParts),
        new("GET", ResourceLevel.Object, "tagging", S3Operation.GetObjectTagging),
        new("GET", ResourceLevel.Object, "acl", S3Operation.GetObjectAcl),
        new("GET", ResourceLevel.Object, "attributes", S3Operation.GetObjectAttributes),
        new("GET", ResourceLevel.Object, "retention", S3Operation.GetObjectRetention),
        new("GET", ResourceLevel.Object, "legal-hold", S3Operation.GetObjectLegalHold),
        new("GET", ResourceLevel.Object, "torrent", S3Operation.GetObjectTorrent),
        new("GET", ResourceLevel.Object, null, S3Operation.GetObject),
        new("PUT", ResourceLevel.Object, "uploadId", S3Operation.UploadPartCopy, NeedsCopySource: true),
        new("PUT", ResourceLevel.Object, "uploadId", S3Operation.UploadPart),
        new("PUT", ResourceLevel.Object, "tagging", S3Operation.PutObjectTagging),
        new("PUT", ResourceLevel.Object, "acl", S3Operation.PutObjectAcl),
        new("PUT", ResourceLevel.Object, "retention", S3Operation.PutObjectRetention),
        new("PUT", ResourceLevel.Object, "legal-hold", S3Operation.PutObjectLegalHold),
        new("PUT", ResourceLevel.Object, null, S3Operation.CopyObject, NeedsCopySource: true),
        new("PUT", ResourceLevel.Object, null, S3Operation.PutObject),
        new("DELETE", ResourceLevel.Object, "uploadId", S3Operation.AbortMultipartUpload),
        new("DELETE", ResourceLevel.Object, "tagging", S3Operation.DeleteObjectTagging),
        new("DELETE", ResourceLevel.Object, null, S3Operation.DeleteObject),
        new("POST", ResourceLevel.Object, "uploads", S3Operation.CreateMultipartUpload),
        new("POST", ResourceLevel.Object, "uploadId", S3Operation.CompleteMultipartUpload),
        new("POST", ResourceLevel.Object, "restore", S3Operation.RestoreObject),
        new("POST", ResourceLevel.Object, "select", S3Operation.SelectObjectContent),
    ];
}
