using S3Emulator.Core.Sts;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Services.Sts;

/// <summary>
/// Stands in for the policy engine until it is merged (branch i8-policy): a session policy must be a JSON object, and
/// no trust policy allows anything, so AssumeRole answers AccessDenied rather than grant what it cannot check.
/// Replaced by the engine-backed checks (<c>PolicyEngineStsChecks</c>) when <c>S3Emulator.Core.Policy</c> lands.
/// </summary>
internal sealed class PendingPolicyEngineChecks : IStsPolicyChecks
{
    public void ValidateSessionPolicy(string json)
    {
        if (ConfiguredPolicyCheck.Problem(json, PolicyPlace.Identity) is { } problem)
        {
            throw new StsException(StsErrors.MalformedPolicyDocument(problem));
        }
    }

    public bool IsAllowed(RoleAccessCheck check) => false;
}
