using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Sts;

/// <summary>
/// What STS asks of the policy engine: whether a session policy parses, and whether a trust policy (with, across
/// accounts, the caller's identity policies) allows an action on a role. Kept behind this seam so that STS's
/// protocol and rules are tested without the engine, and the engine without STS.
/// </summary>
public interface IStsPolicyChecks
{
    /// <summary>Throws <see cref="StsException"/> with <c>MalformedPolicyDocument</c> when <paramref name="json"/> is not a valid session policy.</summary>
    void ValidateSessionPolicy(string json);

    /// <summary>Whether <see cref="RoleAccessCheck.Caller"/> may perform <see cref="RoleAccessCheck.Action"/> on the role, and why.</summary>
    AuthorizationDecision Decide(RoleAccessCheck check);
}

/// <summary>One question for the trust policy: may <paramref name="Caller"/> do <paramref name="Action"/> on <paramref name="Role"/>?</summary>
/// <param name="Caller">Who calls AssumeRole.</param>
/// <param name="Role">The role; its trust policy is the resource policy.</param>
/// <param name="Action"><c>sts:AssumeRole</c>, <c>sts:TagSession</c> or <c>sts:SetSourceIdentity</c>.</param>
/// <param name="Context">The request context keys (<c>sts:ExternalId</c>, <c>sts:RoleSessionName</c>, <c>aws:PrincipalArn</c>, …).</param>
public sealed record RoleAccessCheck(
    CallerIdentity Caller, IamRole Role, string Action, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Context);
