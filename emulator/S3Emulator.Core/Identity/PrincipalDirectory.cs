using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace S3Emulator.Core.Identity;

/// <summary>
/// The IAM users and roles the emulator knows, built once at start-up from configuration. A session looks its
/// role up here on every request, so the role's policies apply as configured now, as IAM applies a changed role
/// policy to sessions already issued.
/// </summary>
public sealed class PrincipalDirectory
{
    private readonly FrozenDictionary<string, IamUser> _users;
    private readonly FrozenDictionary<string, IamRole> _roles;

    /// <exception cref="ArgumentException">A user or a role is declared twice.</exception>
    public PrincipalDirectory(IEnumerable<IamUser> users, IEnumerable<IamRole> roles)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        var userMap = new Dictionary<string, IamUser>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            // One user may own several access keys; they must agree on its policies, so the first declaration wins
            // only when the others declare none.
            if (userMap.TryGetValue(user.Arn, out var known) && known.Policies.Count > 0 && user.Policies.Count > 0)
            {
                throw new ArgumentException($"The policies of user '{user.Arn}' are configured on two of its access keys; give them once.", nameof(users));
            }

            if (known is null || known.Policies.Count == 0) userMap[user.Arn] = user;
        }

        var roleMap = new Dictionary<string, IamRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in roles)
        {
            // IAM role names are unique per account regardless of case.
            if (!roleMap.TryAdd(role.Arn, role))
            {
                throw new ArgumentException($"Role '{role.Arn}' is configured twice.", nameof(roles));
            }
        }

        _users = userMap.ToFrozenDictionary(StringComparer.Ordinal);
        _roles = roleMap.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A directory with no users (every key is a root key) and no roles.</summary>
    public static PrincipalDirectory Empty { get; } = new([], []);

    /// <summary>Every configured role.</summary>
    public IReadOnlyCollection<IamRole> Roles => _roles.Values;

    /// <summary>Finds a role by <c>arn:aws:iam::ACCOUNT:role/[PATH/]NAME</c> (the path is not part of its identity).</summary>
    public bool TryGetRole(string roleArn, [NotNullWhen(true)] out IamRole? role)
    {
        role = null;
        return IamArns.TryParseRole(roleArn, out var account, out var name)
            && _roles.TryGetValue(IamArns.Role(account, name), out role);
    }

    /// <summary>
    /// The caller that signs with a long-term key of <paramref name="accountId"/>: the root user when
    /// <paramref name="userName"/> is null, else the IAM user (with no policies when none are configured).
    /// </summary>
    public CallerIdentity LongTermCaller(string accountId, string? userName)
    {
        if (userName is null) return CallerIdentity.ForRoot(accountId);
        return CallerIdentity.ForUser(_users.TryGetValue(IamArns.User(accountId, userName), out var user)
            ? user
            : new IamUser(accountId, userName, UniqueIds.Derived(UniqueIds.UserPrefix, accountId, userName), []));
    }

    /// <summary>The caller a verified session token stands for; a role no longer configured has no policies.</summary>
    public CallerIdentity SessionCaller(SessionClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return CallerIdentity.ForSession(claims, TryGetRole(claims.RoleArn, out var role) ? role.Policies : []);
    }
}
