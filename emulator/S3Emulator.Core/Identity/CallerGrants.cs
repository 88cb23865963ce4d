using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Identity;

/// <summary>
/// The caller as the policy engine sees it: its <see cref="PolicyPrincipal"/>, and its identity grants (the user's or
/// role's policies, plus a session policy that intersects them).
/// </summary>
/// <param name="parse">Parses a policy text; the server passes its cache so that a policy is parsed once, not per request.</param>
public sealed class CallerGrants(Func<string, PolicyDocument> parse)
{
    /// <summary>The engine's principal for <paramref name="caller"/>.</summary>
    public static PolicyPrincipal Principal(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind switch
        {
            CallerKind.Root => PolicyPrincipal.Root(caller.AccountId),
            CallerKind.User => PolicyPrincipal.User(caller.AccountId, caller.UserName!, caller.UserId),
            _ => PolicyPrincipal.RoleSession(caller.AccountId, caller.Session!.RoleName, caller.Session.SessionName, caller.Session.RoleId),
        };
    }

    /// <summary>The caller's identity policies and, for a session with one, its session policy.</summary>
    public IReadOnlyList<IdentityGrant> Of(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var grants = caller.IdentityPolicies.Select(p => IdentityGrant.Policy(p.Name, parse(p.Json))).ToList();
        if (caller.SessionPolicy is { } session) grants.Add(IdentityGrant.SessionPolicy(session.Name, parse(session.Json)));
        return grants;
    }
}
