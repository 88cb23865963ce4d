namespace S3Emulator.Core.Identity;

/// <summary>An IAM role declared in configuration: who may assume it (trust policy) and what its sessions may do.</summary>
/// <param name="Name">The role name (the last segment of its ARN).</param>
/// <param name="AccountId">The 12-digit account the role belongs to.</param>
/// <param name="RoleId">The role's unique id (<c>AROA…</c>); the session's <c>aws:userid</c> starts with it.</param>
/// <param name="Policies">The role's identity policies.</param>
/// <param name="TrustPolicy">The role trust policy, a resource policy on the role evaluated for <c>sts:AssumeRole</c>.</param>
/// <param name="MaxSessionDurationSeconds">The longest session AssumeRole grants (3600–43200).</param>
public sealed record IamRole(
    string Name, string AccountId, string RoleId, IReadOnlyList<NamedPolicy> Policies, NamedPolicy TrustPolicy, int MaxSessionDurationSeconds)
{
    /// <summary>The shortest and longest <see cref="MaxSessionDurationSeconds"/> IAM allows.</summary>
    public const int MinMaxSessionDuration = 3600, MaxMaxSessionDuration = 43200;

    /// <summary><c>arn:aws:iam::ACCOUNT:role/NAME</c>.</summary>
    public string Arn => IamArns.Role(AccountId, Name);
}
