namespace S3Emulator.Server.Hosting;

/// <summary>
/// An IAM role callers can assume through STS AssumeRole (configuration: <c>S3Emulator__Roles__0__Name</c>, …).
/// Its ARN is <c>arn:aws:iam::{AccountId}:role/{Name}</c>.
/// </summary>
public sealed class RoleOptions
{
    /// <summary>The role name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The owning account; empty means <see cref="S3EmulatorOptions.AccountId"/>.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The role's identity policies: what its sessions may do.</summary>
    public List<PolicyOptions> Policies { get; set; } = [];

    /// <summary>The role trust policy: who may assume it (needs an <c>sts:AssumeRole</c> statement with a <c>Principal</c>).</summary>
    public PolicyOptions? TrustPolicy { get; set; }

    /// <summary>The longest session AssumeRole grants, 3600 to 43200 seconds.</summary>
    public int MaxSessionDurationSeconds { get; set; } = 3600;

    /// <summary>The role's unique id (<c>AROA</c> and 17 characters); empty derives a stable one from account and name.</summary>
    public string? RoleId { get; set; }
}
