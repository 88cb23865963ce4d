using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Policy;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// How S3 and S3 Control read a resource policy a client attaches (bucket, access point, Object Lambda access point):
/// parsed, checked for where it is attached, and refused with AWS's MalformedPolicy texts; access point policies also
/// within the bucket policy's 20 KB.
/// </summary>
internal static class ResourcePolicyRules
{
    /// <summary>Parses <paramref name="json"/>; <paramref name="checkPlacement"/> is the <see cref="PolicyValidation"/> check for where it goes.</summary>
    public static PolicyDocument Parse(string json, Action<PolicyDocument> checkPlacement)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var document = PolicyDocument.Parse(json);
            checkPlacement(document);
            return document;
        }
        catch (MalformedPolicyException malformed)
        {
            throw new S3Exception(S3Errors.MalformedPolicy(malformed.Message));
        }
    }

    /// <summary>An (Object Lambda) access point policy: the size limit first, then <see cref="Parse"/>.</summary>
    public static PolicyDocument ParseAccessPointPolicy(string json, Action<PolicyDocument> checkPlacement)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) > PolicyLimits.BucketPolicyMaxBytes) throw new S3Exception(S3Errors.PolicyTooLarge);
        return Parse(json, checkPlacement);
    }
}
