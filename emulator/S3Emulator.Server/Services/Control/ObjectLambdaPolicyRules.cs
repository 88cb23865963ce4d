using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Policy;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// The checks PutAccessPointPolicyForObjectLambda makes on a policy, in one place for the handler and the start-up
/// seeding: the access point size limit, then <see cref="PolicyDocument.Parse"/> and
/// <see cref="PolicyValidation.ForObjectLambdaAccessPoint"/>, whose texts become MalformedPolicy as for access points.
/// </summary>
internal static class ObjectLambdaPolicyRules
{
    public static PolicyDocument Validate(string text, string objectLambdaAccessPointArn)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) > PolicyLimits.BucketPolicyMaxBytes) throw new S3Exception(S3Errors.PolicyTooLarge);
        try
        {
            var document = PolicyDocument.Parse(text);
            PolicyValidation.ForObjectLambdaAccessPoint(document, objectLambdaAccessPointArn);
            return document;
        }
        catch (MalformedPolicyException malformed)
        {
            throw new S3Exception(S3Errors.MalformedPolicy(malformed.Message));
        }
    }
}
