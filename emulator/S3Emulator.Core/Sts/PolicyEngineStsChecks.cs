using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Sts;

/// <summary>
/// STS's questions answered by the policy engine: a session policy must parse as an identity policy, and a role's
/// trust policy is the resource policy of <c>sts:AssumeRole</c> on the role ARN — within the account a trust policy
/// naming the caller suffices (one naming only the account delegates to identity policies), across accounts the
/// caller's identity policies must allow too (../shared/spec/sts.md §4).
/// </summary>
/// <param name="grants">The caller's identity side.</param>
/// <param name="parse">Parses a policy text (the server's cache).</param>
public sealed class PolicyEngineStsChecks(CallerGrants grants, Func<string, PolicyDocument> parse) : IStsPolicyChecks
{
    /// <inheritdoc />
    public void ValidateSessionPolicy(string json)
    {
        try
        {
            PolicyValidation.ForIdentity(PolicyDocument.Parse(json));
        }
        catch (MalformedPolicyException e)
        {
            throw new StsException(StsErrors.MalformedPolicyDocument(e.Message));
        }
    }

    /// <inheritdoc />
    public AuthorizationDecision Decide(RoleAccessCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var context = new RequestContextKeys();
        foreach (var (key, values) in check.Context) context.Set(key, values);
        var trust = new AttachedPolicy(PolicyKind.RoleTrust, check.Role.TrustPolicy.Name, parse(check.Role.TrustPolicy.Json));
        var request = new AuthorizationRequest(
            CallerGrants.Principal(check.Caller),
            check.Action,
            grants.Of(check.Caller),
            [new ResourceCheck(check.Role.Arn, check.Role.AccountId, [trust])],
            context);
        return PolicyEvaluator.Evaluate(request);
    }
}
