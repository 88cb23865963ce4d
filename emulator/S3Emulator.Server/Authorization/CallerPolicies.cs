using S3Emulator.Core.Policy;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Authorization;

/// <summary>The caller as the policy engine sees it: its principal and its identity (and session) policies.</summary>
internal sealed class CallerPolicies
{
    public PolicyPrincipal PrincipalOf(S3Principal? principal) => principal switch
    {
        null => PolicyPrincipal.Anonymous,
        { IsRoot: true } => PolicyPrincipal.Root(principal.AccountId),
        _ => PolicyPrincipal.User(principal.AccountId, principal.UserName),
    };

    /// <summary>Null for anonymous callers, who have no identity side.</summary>
    public IReadOnlyList<IdentityGrant>? IdentityGrantsOf(S3Principal? principal) => principal is null ? null : [];
}
