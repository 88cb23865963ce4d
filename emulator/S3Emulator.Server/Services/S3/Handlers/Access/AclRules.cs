using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>
/// What S3 does with ACLs under each Object Ownership setting (public-access.md §4, §5). The emulator stores no ACL
/// grants: with ACLs disabled (BucketOwnerEnforced) it answers as S3 does; where ACLs are enabled it accepts the
/// ACLs that grant nothing beyond the owner and answers NotImplemented for real grants (docs/compatibility.md).
/// </summary>
internal static class AclRules
{
    /// <summary>
    /// Checks the ACL headers of an object write (PutObject, CopyObject, CreateMultipartUpload); the ownership check
    /// comes before Block Public Access, as S3 answers.
    /// </summary>
    public static async Task CheckObjectWriteAsync(S3RequestContext context, BucketInfo bucket, string action)
    {
        var acl = AclHeaders.Read(context);
        if (acl.IsEmpty) return;
        if (bucket.ObjectOwnership == ObjectOwnership.BucketOwnerEnforced)
        {
            if (acl.IsOnly(AclHeaders.BucketOwnerFullControl)) return;
            throw new S3Exception(S3Errors.AccessControlListNotSupported);
        }

        await CheckEnabledAclAsync(context, bucket, acl, body: null, action, S3Arns.Object(bucket.Name, context.Key))
            .ConfigureAwait(false);
    }

    /// <summary>Checks PutBucketAcl or PutObjectAcl: the ACL in headers or in an AccessControlPolicy body.</summary>
    public static async Task CheckAclWriteAsync(S3RequestContext context, BucketInfo bucket, string action, string resourceArn)
    {
        var acl = AclHeaders.Read(context);
        var body = acl.IsEmpty ? await S3Xml.ReadAsync(context.Body, context.Cancellation).ConfigureAwait(false) : null;
        var owner = BucketAccess.CanonicalUserId(bucket.OwnerAccountId);
        if (bucket.ObjectOwnership == ObjectOwnership.BucketOwnerEnforced)
        {
            // S3 still accepts the one ACL that changes nothing: full control for the bucket owner alone.
            if (acl.IsOnly(AclHeaders.BucketOwnerFullControl) || (body is not null && AccessControlPolicyXml.GrantsOnlyOwnerFullControl(body, owner)))
            {
                return;
            }

            throw new S3Exception(S3Errors.AccessControlListNotSupported);
        }

        await CheckEnabledAclAsync(context, bucket, acl, body, action, resourceArn).ConfigureAwait(false);
    }

    /// <summary>
    /// CreateBucket's ACL headers against the ownership it asks for. A new bucket has every Block Public Access flag on,
    /// so a public ACL is refused whatever the account says.
    /// </summary>
    public static void CheckCreateBucket(AclHeaders acl, ObjectOwnership ownership)
    {
        if (acl.IsEmpty) return;
        if (ownership == ObjectOwnership.BucketOwnerEnforced)
        {
            // Whether S3 refuses x-amz-acl: private too is not documented; the emulator accepts it (it grants nothing more).
            if (acl.IsOnly(AclHeaders.Private)) return;
            throw new S3Exception(S3Errors.InvalidBucketAclWithObjectOwnership);
        }

        if (acl.IsPublic) throw new S3Exception(S3Errors.InvalidBucketAclWithBlockPublicAccessError);
        if (!GrantsOnlyTheOwner(acl)) throw NotImplemented(acl.Describe());
    }

    private static async Task CheckEnabledAclAsync(
        S3RequestContext context, BucketInfo bucket, AclHeaders acl, XElement? body, string action, string resourceArn)
    {
        var isPublic = acl.IsPublic || (body is not null && GrantsToAGroup(body));
        if (isPublic && (await BlockPublicAccess.EffectiveAsync(context, bucket).ConfigureAwait(false)).BlockPublicAcls)
        {
            throw BlockPublicAccess.AclRefused(context, bucket, action, resourceArn);
        }

        var ownerOnly = body is null
            ? GrantsOnlyTheOwner(acl)
            : AccessControlPolicyXml.GrantsOnlyOwnerFullControl(body, BucketAccess.CanonicalUserId(bucket.OwnerAccountId));
        if (!ownerOnly) throw NotImplemented(body is null ? acl.Describe() : "an AccessControlPolicy body");
    }

    private static bool GrantsOnlyTheOwner(AclHeaders acl) => acl.IsOnly(AclHeaders.Private) || acl.IsOnly(AclHeaders.BucketOwnerFullControl);

    private static bool GrantsToAGroup(XElement body) =>
        body.Descendants().Any(e => e.Name.LocalName == "URI"
            && e.Value.Trim() is "http://acs.amazonaws.com/groups/global/AllUsers" or "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");

    private static S3Exception NotImplemented(string what) =>
        new(S3Errors.NotImplemented($"ACL grants ({what}) on a bucket whose ObjectOwnership enables ACLs"));
}
