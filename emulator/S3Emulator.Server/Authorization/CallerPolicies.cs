using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// The caller as the policy engine sees it: its principal and its identity (and session) policies, from the identity
/// authentication attached (<see cref="S3Principal.Identity"/>: a user's configured policies, a role session's role
/// policies and session policy).
/// </summary>
internal sealed class CallerPolicies(CallerGrants grants)
{
    public PolicyPrincipal PrincipalOf(S3Principal? principal) =>
        principal is null ? PolicyPrincipal.Anonymous : CallerGrants.Principal(principal.Identity);

    /// <summary>Null for anonymous callers, who have no identity side.</summary>
    public IReadOnlyList<IdentityGrant>? IdentityGrantsOf(S3Principal? principal) => principal is null ? null : grants.Of(principal.Identity);
}
