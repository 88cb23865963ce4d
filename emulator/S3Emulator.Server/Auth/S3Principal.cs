using S3Emulator.Core.Identity;

namespace S3Emulator.Server.Auth;

/// <summary>
/// The authenticated caller of a request. Anonymous callers have no principal: every API that
/// carries one takes <c>S3Principal?</c> and <c>null</c> means anonymous.
/// </summary>
/// <param name="AccountId">The caller's account (a session's: the role's).</param>
/// <param name="Arn">The caller's ARN; a role session's is <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</param>
/// <param name="AccessKeyId">The access key the request was signed with.</param>
/// <param name="UserName">The IAM user name; <see cref="RootUserName"/> for the root user, empty for a role session.</param>
internal sealed record S3Principal(string AccountId, string Arn, string AccessKeyId, string UserName)
{
    /// <summary>The user name that denotes the account root user.</summary>
    public const string RootUserName = "root";

    /// <summary>
    /// The caller as IAM sees it: kind, unique id, the ARNs policies may name it by, its identity policies and, for a
    /// role session, the session policy and claims. Authorization evaluates these.
    /// </summary>
    public CallerIdentity Identity { get; init; } = string.Equals(UserName, RootUserName, StringComparison.Ordinal)
        ? CallerIdentity.ForRoot(AccountId)
        : CallerIdentity.ForUser(new IamUser(AccountId, UserName, UniqueIds.Derived(UniqueIds.UserPrefix, AccountId, UserName), []));

    /// <summary>
    /// Set when the request was signed with credentials the emulator minted to act for this caller on one resource
    /// (S3 Object Lambda's <c>inputS3Url</c>): the service it came through (<c>aws:CalledVia</c>) and that resource.
    /// </summary>
    public ForwardedAccess? Forwarded { get; init; }

    /// <summary>True for the account root user, which policies allow by default.</summary>
    public bool IsRoot => Identity.Kind == CallerKind.Root;

    /// <summary>The principal that signs with <paramref name="credential"/> (a long-term key; no policies known).</summary>
    public static S3Principal For(S3Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var arn = string.Equals(credential.UserName, RootUserName, StringComparison.Ordinal)
            ? IamArns.Root(credential.AccountId)
            : IamArns.User(credential.AccountId, credential.UserName);
        return new S3Principal(credential.AccountId, arn, credential.AccessKeyId, credential.UserName);
    }

    /// <summary>
    /// The principal that signed with <paramref name="credential"/>: a role session when <paramref name="session"/>
    /// is given, else the key's root user or IAM user, with the policies <paramref name="directory"/> knows.
    /// </summary>
    public static S3Principal For(S3Credential credential, SessionClaims? session, PrincipalDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(directory);
        if (session?.Forwarded is { } forwarded)
        {
            var identity = forwarded.CallerKind switch
            {
                CallerKind.Root => directory.LongTermCaller(session.AccountId, null),
                CallerKind.User => directory.LongTermCaller(session.AccountId, forwarded.UserName),
                _ => directory.SessionCaller(session),
            };
            var userName = forwarded.CallerKind switch
            {
                CallerKind.Root => RootUserName,
                CallerKind.User => forwarded.UserName ?? "",
                _ => "",
            };
            return new S3Principal(session.AccountId, forwarded.CallerArn, session.AccessKeyId, userName) { Identity = identity, Forwarded = forwarded };
        }
        if (session is not null)
        {
            return new S3Principal(session.AccountId, session.SessionArn, session.AccessKeyId, "") { Identity = directory.SessionCaller(session) };
        }

        var principal = For(credential);
        return principal with
        {
            Identity = directory.LongTermCaller(credential.AccountId, principal.IsRoot ? null : credential.UserName),
        };
    }
}
