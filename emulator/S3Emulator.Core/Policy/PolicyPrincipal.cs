namespace S3Emulator.Core.Policy;

/// <summary>
/// The caller as policies see it.
/// </summary>
/// <param name="Arn">The caller's ARN as AWS prints it in denials (<c>arn:aws:iam::A:user/U</c>,
/// <c>arn:aws:sts::A:assumed-role/R/S</c>, <c>arn:aws:iam::A:root</c>); empty for anonymous callers.</param>
/// <param name="AccountId">The caller's account; empty for anonymous callers.</param>
/// <param name="IsAnonymous">An unsigned request: no identity policies, only a <c>"*"</c> grant lets it in.</param>
/// <param name="IsRoot">The account's root user: identity-allowed on everything unless something denies.</param>
/// <param name="MatchingArns">The ARNs a <c>Principal</c> element may name to match this caller directly (a session:
/// its session ARN and its role ARN). The account root ARN and bare account id always match every principal of the
/// account and need not be listed.</param>
/// <param name="UserId">Value of <c>aws:userid</c> / <c>${aws:userid}</c> when the context does not set it.</param>
/// <param name="UserName">Value of <c>aws:username</c> / <c>${aws:username}</c> (IAM users only).</param>
public sealed record PolicyPrincipal(
    string Arn,
    string AccountId,
    bool IsAnonymous,
    bool IsRoot,
    IReadOnlyList<string> MatchingArns,
    string? UserId,
    string? UserName)
{
    /// <summary>The anonymous caller.</summary>
    public static PolicyPrincipal Anonymous { get; } = new("", "", IsAnonymous: true, IsRoot: false, [], null, null);

    /// <summary>The root user of <paramref name="accountId"/>.</summary>
    public static PolicyPrincipal Root(string accountId) =>
        new($"arn:aws:iam::{accountId}:root", accountId, false, true, [$"arn:aws:iam::{accountId}:root"], accountId, null);

    /// <summary>An IAM user.</summary>
    public static PolicyPrincipal User(string accountId, string userName, string? userId = null) =>
        new($"arn:aws:iam::{accountId}:user/{userName}", accountId, false, false, [$"arn:aws:iam::{accountId}:user/{userName}"], userId, userName);

    /// <summary>An assumed-role session: matches both its session ARN and its role ARN.</summary>
    public static PolicyPrincipal RoleSession(string accountId, string roleName, string sessionName, string? roleId = null) =>
        new($"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}", accountId, false, false,
            [$"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}", $"arn:aws:iam::{accountId}:role/{roleName}"],
            roleId is null ? null : $"{roleId}:{sessionName}", null);
}

/// <summary>A policy and where it is attached.</summary>
/// <param name="Kind">Where the policy is attached.</param>
/// <param name="Name">How decisions name it: the policy's ARN, "bucket policy of &lt;bucket&gt;" or an inline name.</param>
/// <param name="Document">The parsed policy.</param>
public sealed record AttachedPolicy(PolicyKind Kind, string Name, PolicyDocument Document);

/// <summary>
/// One identity-side policy of the caller: a user or role policy (<see cref="PolicyKind.Identity"/>) or a session
/// policy (<see cref="PolicyKind.Session"/>) that narrows them.
/// </summary>
/// <param name="Kind"><see cref="PolicyKind.Identity"/> or <see cref="PolicyKind.Session"/>.</param>
/// <param name="Name">The policy's ARN or inline name.</param>
/// <param name="Document">The parsed policy.</param>
public sealed record IdentityGrant(PolicyKind Kind, string Name, PolicyDocument Document)
{
    /// <summary>A user or role policy.</summary>
    public static IdentityGrant Policy(string name, PolicyDocument document) => new(PolicyKind.Identity, name, document);

    /// <summary>A session policy.</summary>
    public static IdentityGrant SessionPolicy(string name, PolicyDocument document) => new(PolicyKind.Session, name, document);

    internal AttachedPolicy ToAttached() => new(Kind, Name, Document);
}

/// <summary>One resource the request touches and the resource-based policies attached to it; each must allow.</summary>
/// <param name="ResourceArn">E.g. <c>arn:aws:s3:::bkt/key</c> or <c>arn:aws:s3:us-east-1:A:accesspoint/ap/object/key</c>.</param>
/// <param name="ResourceAccountId">The account owning the resource (same-account vs cross-account rules).</param>
/// <param name="Policies">The resource-based policies attached to it (possibly none).</param>
public sealed record ResourceCheck(string ResourceArn, string ResourceAccountId, IReadOnlyList<AttachedPolicy> Policies);

/// <summary>What is asked: may <paramref name="Principal"/> perform <paramref name="Action"/> on every resource?</summary>
/// <param name="Principal">The caller.</param>
/// <param name="Action">The IAM action, e.g. <c>s3:GetObject</c>.</param>
/// <param name="Identity">The caller's identity and session policies; null for callers without an identity side (anonymous).</param>
/// <param name="Resources">Every resource check; all must be allowed.</param>
/// <param name="Context">The request context keys.</param>
public sealed record AuthorizationRequest(
    PolicyPrincipal Principal,
    string Action,
    IReadOnlyList<IdentityGrant>? Identity,
    IReadOnlyList<ResourceCheck> Resources,
    RequestContextKeys Context);
