using System.Runtime.CompilerServices;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Identity;

/// <summary>
/// The caller as the policy engine sees it: its <see cref="PolicyPrincipal"/>, and its identity grants (the user's or
/// role's policies, plus a session policy that intersects). Parsed documents are kept per policy, so a configured
/// policy is parsed once however many requests it decides.
/// </summary>
public sealed class CallerPolicies
{
    private readonly ConditionalWeakTable<NamedPolicy, PolicyDocument> _parsed = [];

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
    public IReadOnlyList<IdentityGrant> Grants(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var grants = caller.IdentityPolicies.Select(p => IdentityGrant.Policy(p.Name, Document(p))).ToList();
        if (caller.SessionPolicy is { } session) grants.Add(IdentityGrant.SessionPolicy(session.Name, Document(session)));
        return grants;
    }

    /// <summary>The parsed form of <paramref name="policy"/> (already validated at start-up or by AssumeRole).</summary>
    public PolicyDocument Document(NamedPolicy policy) => _parsed.GetValue(policy, p => PolicyDocument.Parse(p.Json));
}
