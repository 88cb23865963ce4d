using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Handlers;
using S3Emulator.Server.Services.S3.Handlers.Access;
using S3Emulator.Server.Services.S3.Handlers.Encryption;
using S3Emulator.Server.Services.S3.Handlers.Multipart;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3;

/// <summary>
/// The one switch from operation to handler. Operations not listed answer 501 NotImplemented naming
/// the operation; a unit test walks every <see cref="S3Operation"/> to keep this honest.
/// </summary>
internal static class S3Dispatcher
{
    public static Task<S3Result> DispatchAsync(S3RequestContext context)
    {
        return context.Request.Operation switch
        {
            S3Operation.ListBuckets => BucketHandlers.ListBucketsAsync(context),
            S3Operation.CreateBucket => BucketHandlers.CreateBucketAsync(context),
            S3Operation.HeadBucket => BucketHandlers.HeadBucketAsync(context),
            S3Operation.DeleteBucket => BucketHandlers.DeleteBucketAsync(context),
            S3Operation.GetBucketLocation => BucketHandlers.GetBucketLocationAsync(context),
            S3Operation.PutObject => ObjectWriteHandlers.PutObjectAsync(context),
            S3Operation.GetObject => ObjectReadHandlers.GetObjectAsync(context),
            S3Operation.HeadObject => ObjectReadHandlers.GetObjectAsync(context),
            S3Operation.DeleteObject => ObjectWriteHandlers.DeleteObjectAsync(context),
            S3Operation.DeleteObjects => DeleteObjectsHandler.DeleteObjectsAsync(context),
            S3Operation.CopyObject => CopyObjectHandler.CopyObjectAsync(context),
            S3Operation.GetObjectAttributes => ObjectAttributesHandler.GetObjectAttributesAsync(context),
            S3Operation.GetObjectTagging => TaggingHandlers.GetObjectTaggingAsync(context),
            S3Operation.PutObjectTagging => TaggingHandlers.PutObjectTaggingAsync(context),
            S3Operation.DeleteObjectTagging => TaggingHandlers.DeleteObjectTaggingAsync(context),
            S3Operation.ListObjects => ListObjectsHandlers.ListObjectsAsync(context),
            S3Operation.ListObjectsV2 => ListObjectsHandlers.ListObjectsV2Async(context),
            S3Operation.CreateMultipartUpload => MultipartHandlers.CreateMultipartUploadAsync(context),
            S3Operation.UploadPart => MultipartHandlers.UploadPartAsync(context),
            S3Operation.UploadPartCopy => UploadPartCopyHandler.UploadPartCopyAsync(context),
            S3Operation.CompleteMultipartUpload => CompleteMultipartUploadHandler.CompleteMultipartUploadAsync(context),
            S3Operation.AbortMultipartUpload => MultipartHandlers.AbortMultipartUploadAsync(context),
            S3Operation.ListParts => MultipartListingHandlers.ListPartsAsync(context),
            S3Operation.ListMultipartUploads => MultipartListingHandlers.ListMultipartUploadsAsync(context),
            S3Operation.PutBucketEncryption => BucketEncryptionHandlers.PutBucketEncryptionAsync(context),
            S3Operation.GetBucketEncryption => BucketEncryptionHandlers.GetBucketEncryptionAsync(context),
            S3Operation.DeleteBucketEncryption => BucketEncryptionHandlers.DeleteBucketEncryptionAsync(context),
            S3Operation.PutBucketPolicy => BucketPolicyHandlers.PutBucketPolicyAsync(context),
            S3Operation.GetBucketPolicy => BucketPolicyHandlers.GetBucketPolicyAsync(context),
            S3Operation.DeleteBucketPolicy => BucketPolicyHandlers.DeleteBucketPolicyAsync(context),
            S3Operation.GetBucketPolicyStatus => BucketPolicyHandlers.GetBucketPolicyStatusAsync(context),
            S3Operation.PutPublicAccessBlock => PublicAccessBlockHandlers.PutPublicAccessBlockAsync(context),
            S3Operation.GetPublicAccessBlock => PublicAccessBlockHandlers.GetPublicAccessBlockAsync(context),
            S3Operation.DeletePublicAccessBlock => PublicAccessBlockHandlers.DeletePublicAccessBlockAsync(context),
            S3Operation.PutBucketOwnershipControls => OwnershipControlsHandlers.PutBucketOwnershipControlsAsync(context),
            S3Operation.GetBucketOwnershipControls => OwnershipControlsHandlers.GetBucketOwnershipControlsAsync(context),
            S3Operation.DeleteBucketOwnershipControls => OwnershipControlsHandlers.DeleteBucketOwnershipControlsAsync(context),
            S3Operation.GetBucketAcl => AclHandlers.GetBucketAclAsync(context),
            S3Operation.PutBucketAcl => AclHandlers.PutBucketAclAsync(context),
            S3Operation.GetObjectAcl => AclHandlers.GetObjectAclAsync(context),
            S3Operation.PutObjectAcl => AclHandlers.PutObjectAclAsync(context),
            _ => throw new S3Exception(S3Errors.NotImplemented(context.Request.Operation.ToString())),
        };
    }
}
