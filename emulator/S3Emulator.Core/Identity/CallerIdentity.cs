namespace S3Emulator.Core.Identity;

/// <summary>
/// Who signed a request, as IAM sees the caller: ARN, account, unique id, the ARN policies name it by, and the
/// policies that bound what it may do. Authorization builds the policy engine's principal and identity grants
/// from this; GetCallerIdentity answers with it.
/// </summary>
/// <param name="Kind">Root user, IAM user or role session.</param>
/// <param name="AccountId">The caller's account (<c>aws:PrincipalAccount</c>).</param>
/// <param name="Arn">The caller's ARN: <c>…:root</c>, <c>…:user/NAME</c> or <c>arn:aws:sts::…:assumed-role/ROLE/SESSION</c>.</param>
/// <param name="UserId">
/// <c>aws:userid</c>: the account id for the root user, <c>AIDA…</c> for a user, <c>AROA…:SESSION</c> for a session.
/// </param>
/// <param name="UserName">The IAM user name (<c>aws:username</c>); null for the root user and for sessions.</param>
/// <param name="IdentityPolicies">The user's or role's identity policies.</param>
/// <param name="Session">The session's claims; null unless <see cref="Kind"/> is <see cref="CallerKind.AssumedRole"/>.</param>
public sealed record CallerIdentity(
    CallerKind Kind, string AccountId, string Arn, string UserId, string? UserName, IReadOnlyList<NamedPolicy> IdentityPolicies, SessionClaims? Session)
{
    /// <summary><c>aws:PrincipalArn</c>: the role ARN for a session, else <see cref="Arn"/>.</summary>
    public string PrincipalArn => Session?.RoleArn ?? Arn;

    /// <summary><c>aws:PrincipalType</c>: <c>Account</c>, <c>User</c> or <c>AssumedRole</c>.</summary>
    public string PrincipalType => Kind switch
    {
        CallerKind.Root => "Account",
        CallerKind.User => "User",
        _ => "AssumedRole",
    };

    /// <summary>The inline session policy that cuts a session's permissions down, if any.</summary>
    public NamedPolicy? SessionPolicy => Session?.SessionPolicy is { } json ? new NamedPolicy("session policy", json) : null;

    /// <summary>
    /// The ARNs a policy's <c>Principal</c> element may name to match this caller: its own ARN, and for a session
    /// also the role's ARN. (The account root ARN and the bare account id match every principal of the account;
    /// the policy engine applies that rule.)
    /// </summary>
    public IReadOnlyList<string> MatchingArns => Session is null ? [Arn] : [Arn, Session.RoleArn];

    /// <summary>The account's root user.</summary>
    public static CallerIdentity ForRoot(string accountId) =>
        new(CallerKind.Root, accountId, IamArns.Root(accountId), accountId, null, [], null);

    /// <summary>An IAM user with its identity policies.</summary>
    public static CallerIdentity ForUser(IamUser user) =>
        new(CallerKind.User, user.AccountId, user.Arn, user.UserId, user.UserName, user.Policies, null);

    /// <summary>A role session: the role's identity policies, cut down by the session policy the claims carry.</summary>
    public static CallerIdentity ForSession(SessionClaims claims, IReadOnlyList<NamedPolicy> rolePolicies) =>
        new(CallerKind.AssumedRole, claims.AccountId, claims.SessionArn, claims.UserId, null, rolePolicies, claims);
}
