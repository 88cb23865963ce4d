using S3Emulator.Core.Policy;
using S3Emulator.Server.Authorization;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>
/// What the bucket policy operations ask of the policy engine: validation as PutBucketPolicy does it (AWS's
/// MalformedPolicy messages) and whether a policy is public (public-access.md §3).
/// </summary>
internal static class BucketPolicyRules
{
    /// <summary>"Bucket policies are limited to 20 KB in size."</summary>
    public const int MaxBytes = PolicyLimits.BucketPolicyMaxBytes;

    /// <summary>Parses <paramref name="json"/> as a policy for <paramref name="bucket"/>, refusing what S3 refuses with MalformedPolicy.</summary>
    public static PolicyDocument Parse(string json, string bucket) =>
        ResourcePolicyRules.Parse(json, document => PolicyValidation.ForBucket(document, bucket));

    /// <summary>Whether the policy counts as public; the policy alone decides, Block Public Access settings do not.</summary>
    public static bool IsPublic(PolicyDocument document) => PolicyPublicity.IsPublic(document, PolicyKind.Bucket);
}
