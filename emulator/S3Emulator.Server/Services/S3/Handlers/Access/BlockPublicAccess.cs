using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>The Block Public Access settings in force for a bucket, and the refusals they cause (public-access.md §1, §3, §6).</summary>
internal static class BlockPublicAccess
{
    /// <summary>Each flag on where the bucket owner's account or the bucket turns it on.</summary>
    public static async Task<PublicAccessBlock> EffectiveAsync(S3RequestContext context, BucketInfo bucket)
    {
        var account = await context.Accounts.GetPublicAccessBlockAsync(bucket.OwnerAccountId, context.Cancellation).ConfigureAwait(false);
        return (bucket.PublicAccessBlock ?? new PublicAccessBlock(false, false, false, false)).Or(account);
    }

    /// <summary>A public policy refused by BlockPublicPolicy.</summary>
    public static S3Exception PolicyRefused(S3RequestContext context, BucketInfo bucket, string action, string resourceArn) =>
        Refused(context, bucket, action, resourceArn, "public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.");

    /// <summary>A public ACL refused by BlockPublicAcls.</summary>
    public static S3Exception AclRefused(S3RequestContext context, BucketInfo bucket, string action, string resourceArn) =>
        Refused(context, bucket, action, resourceArn, "public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access.");

    // The detailed message is for callers of the bucket owner's account; everyone else gets the bare one (§6).
    private static S3Exception Refused(S3RequestContext context, BucketInfo bucket, string action, string resourceArn, string reason) =>
        context.Principal is { } principal && principal.AccountId == bucket.OwnerAccountId
            ? new(S3Errors.AccessDeniedBecause($"User: {principal.Arn} is not authorized to perform: {action} on resource: \"{resourceArn}\" because {reason}"))
            : new(S3Errors.AccessDenied);
}
