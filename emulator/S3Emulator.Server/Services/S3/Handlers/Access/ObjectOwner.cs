using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>Who owns an object a request writes, by the bucket's Object Ownership (public-access.md §4).</summary>
internal static class ObjectOwner
{
    /// <summary>
    /// The bucket owner under BucketOwnerEnforced, and under BucketOwnerPreferred when the writer grants it
    /// <c>bucket-owner-full-control</c>; else the writing account. An anonymous writer owns nothing: the bucket owner does.
    /// </summary>
    public static string Of(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        var bucketOwnerTakes = bucket.ObjectOwnership switch
        {
            ObjectOwnership.BucketOwnerEnforced => true,
            ObjectOwnership.BucketOwnerPreferred => context.Header("x-amz-acl") == "bucket-owner-full-control",
            _ => false,
        };
        return bucketOwnerTakes || context.Principal is null ? bucket.OwnerAccountId : context.AccountId;
    }
}
