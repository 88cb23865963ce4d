using System.Collections.Frozen;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Authorization;

/// <summary>The IAM action an S3 operation needs and what it is evaluated on.</summary>
internal readonly record struct OperationAction(string Action, ResourceScope Scope);

/// <summary>
/// The one table from S3 operation to IAM action (AWS's "Required permissions for Amazon S3 API operations" and
/// the Service Authorization Reference). Deletes of bucket sub-resources use the Put action, as S3 does. The extra
/// actions some requests imply (tagging and ACL headers, a copy's source, SSE-KMS) are added by
/// <see cref="RequiredPermissions"/>. A test asserts every operation has a row.
/// </summary>
internal static class S3OperationActions
{
    public static FrozenDictionary<S3Operation, OperationAction> All { get; } = new Dictionary<S3Operation, OperationAction>
    {
        [S3Operation.ListBuckets] = new("s3:ListAllMyBuckets", ResourceScope.Service),

        [S3Operation.CreateBucket] = Bucket("s3:CreateBucket"),
        [S3Operation.HeadBucket] = Bucket("s3:ListBucket"),
        [S3Operation.DeleteBucket] = Bucket("s3:DeleteBucket"),
        [S3Operation.GetBucketLocation] = Bucket("s3:GetBucketLocation"),
        [S3Operation.ListObjects] = Bucket("s3:ListBucket"),
        [S3Operation.ListObjectsV2] = Bucket("s3:ListBucket"),
        [S3Operation.ListObjectVersions] = Bucket("s3:ListBucketVersions"),
        [S3Operation.ListMultipartUploads] = Bucket("s3:ListBucketMultipartUploads"),
        [S3Operation.DeleteObjects] = new("s3:DeleteObject", ResourceScope.AllObjects),
        [S3Operation.GetBucketTagging] = Bucket("s3:GetBucketTagging"),
        [S3Operation.PutBucketTagging] = Bucket("s3:PutBucketTagging"),
        [S3Operation.DeleteBucketTagging] = Bucket("s3:PutBucketTagging"),
        [S3Operation.GetBucketPolicy] = Bucket("s3:GetBucketPolicy"),
        [S3Operation.PutBucketPolicy] = Bucket("s3:PutBucketPolicy"),
        [S3Operation.DeleteBucketPolicy] = Bucket("s3:DeleteBucketPolicy"),
        [S3Operation.GetBucketPolicyStatus] = Bucket("s3:GetBucketPolicyStatus"),
        [S3Operation.GetBucketEncryption] = Bucket("s3:GetEncryptionConfiguration"),
        [S3Operation.PutBucketEncryption] = Bucket("s3:PutEncryptionConfiguration"),
        [S3Operation.DeleteBucketEncryption] = Bucket("s3:PutEncryptionConfiguration"),
        [S3Operation.GetBucketVersioning] = Bucket("s3:GetBucketVersioning"),
        [S3Operation.PutBucketVersioning] = Bucket("s3:PutBucketVersioning"),
        [S3Operation.GetBucketAcl] = Bucket("s3:GetBucketAcl"),
        [S3Operation.PutBucketAcl] = Bucket("s3:PutBucketAcl"),
        [S3Operation.GetBucketCors] = Bucket("s3:GetBucketCORS"),
        [S3Operation.PutBucketCors] = Bucket("s3:PutBucketCORS"),
        [S3Operation.DeleteBucketCors] = Bucket("s3:PutBucketCORS"),
        [S3Operation.GetBucketLifecycleConfiguration] = Bucket("s3:GetLifecycleConfiguration"),
        [S3Operation.PutBucketLifecycleConfiguration] = Bucket("s3:PutLifecycleConfiguration"),
        [S3Operation.DeleteBucketLifecycle] = Bucket("s3:PutLifecycleConfiguration"),
        [S3Operation.GetBucketWebsite] = Bucket("s3:GetBucketWebsite"),
        [S3Operation.PutBucketWebsite] = Bucket("s3:PutBucketWebsite"),
        [S3Operation.DeleteBucketWebsite] = Bucket("s3:DeleteBucketWebsite"),
        [S3Operation.GetBucketLogging] = Bucket("s3:GetBucketLogging"),
        [S3Operation.PutBucketLogging] = Bucket("s3:PutBucketLogging"),
        [S3Operation.GetBucketNotificationConfiguration] = Bucket("s3:GetBucketNotification"),
        [S3Operation.PutBucketNotificationConfiguration] = Bucket("s3:PutBucketNotification"),
        [S3Operation.GetBucketReplication] = Bucket("s3:GetReplicationConfiguration"),
        [S3Operation.PutBucketReplication] = Bucket("s3:PutReplicationConfiguration"),
        [S3Operation.DeleteBucketReplication] = Bucket("s3:PutReplicationConfiguration"),
        [S3Operation.GetBucketOwnershipControls] = Bucket("s3:GetBucketOwnershipControls"),
        [S3Operation.PutBucketOwnershipControls] = Bucket("s3:PutBucketOwnershipControls"),
        [S3Operation.DeleteBucketOwnershipControls] = Bucket("s3:PutBucketOwnershipControls"),
        [S3Operation.GetPublicAccessBlock] = Bucket("s3:GetBucketPublicAccessBlock"),
        [S3Operation.PutPublicAccessBlock] = Bucket("s3:PutBucketPublicAccessBlock"),
        [S3Operation.DeletePublicAccessBlock] = Bucket("s3:PutBucketPublicAccessBlock"),
        [S3Operation.GetObjectLockConfiguration] = Bucket("s3:GetBucketObjectLockConfiguration"),
        [S3Operation.PutObjectLockConfiguration] = Bucket("s3:PutBucketObjectLockConfiguration"),
        [S3Operation.GetBucketAccelerateConfiguration] = Bucket("s3:GetAccelerateConfiguration"),
        [S3Operation.PutBucketAccelerateConfiguration] = Bucket("s3:PutAccelerateConfiguration"),
        [S3Operation.GetBucketRequestPayment] = Bucket("s3:GetBucketRequestPayment"),
        [S3Operation.PutBucketRequestPayment] = Bucket("s3:PutBucketRequestPayment"),
        // A browser form upload names its key in the body, after authorization: decided on the bucket.
        [S3Operation.PostObject] = Bucket("s3:PutObject"),

        [S3Operation.GetObject] = Object("s3:GetObject"),
        [S3Operation.HeadObject] = Object("s3:GetObject"),
        [S3Operation.PutObject] = Object("s3:PutObject"),
        [S3Operation.CopyObject] = Object("s3:PutObject"),
        [S3Operation.DeleteObject] = Object("s3:DeleteObject"),
        [S3Operation.GetObjectAttributes] = Object("s3:GetObjectAttributes"),
        [S3Operation.GetObjectTagging] = Object("s3:GetObjectTagging"),
        [S3Operation.PutObjectTagging] = Object("s3:PutObjectTagging"),
        [S3Operation.DeleteObjectTagging] = Object("s3:DeleteObjectTagging"),
        [S3Operation.GetObjectAcl] = Object("s3:GetObjectAcl"),
        [S3Operation.PutObjectAcl] = Object("s3:PutObjectAcl"),
        [S3Operation.GetObjectRetention] = Object("s3:GetObjectRetention"),
        [S3Operation.PutObjectRetention] = Object("s3:PutObjectRetention"),
        [S3Operation.GetObjectLegalHold] = Object("s3:GetObjectLegalHold"),
        [S3Operation.PutObjectLegalHold] = Object("s3:PutObjectLegalHold"),
        [S3Operation.GetObjectTorrent] = Object("s3:GetObjectTorrent"),
        [S3Operation.RestoreObject] = Object("s3:RestoreObject"),
        [S3Operation.SelectObjectContent] = Object("s3:GetObject"),

        [S3Operation.CreateMultipartUpload] = Object("s3:PutObject"),
        [S3Operation.UploadPart] = Object("s3:PutObject"),
        [S3Operation.UploadPartCopy] = Object("s3:PutObject"),
        [S3Operation.CompleteMultipartUpload] = Object("s3:PutObject"),
        [S3Operation.AbortMultipartUpload] = Object("s3:AbortMultipartUpload"),
        [S3Operation.ListParts] = Object("s3:ListMultipartUploadParts"),
    }.ToFrozenDictionary();

    private static OperationAction Bucket(string action) => new(action, ResourceScope.Bucket);

    private static OperationAction Object(string action) => new(action, ResourceScope.Object);
}
