namespace S3Emulator.Core.Identity;

/// <summary>An IAM user (a configured access key with a user name) and its identity policies.</summary>
/// <param name="AccountId">The 12-digit account.</param>
/// <param name="UserName">The user name.</param>
/// <param name="UserId">The user's unique id (<c>AIDA…</c>), its <c>aws:userid</c>.</param>
/// <param name="Policies">The user's identity policies.</param>
public sealed record IamUser(string AccountId, string UserName, string UserId, IReadOnlyList<NamedPolicy> Policies)
{
    /// <summary><c>arn:aws:iam::ACCOUNT:user/NAME</c>.</summary>
    public string Arn => IamArns.User(AccountId, UserName);
}
