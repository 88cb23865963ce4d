namespace S3Emulator.Server.Auth;

/// <summary>
/// The authenticated caller of a request. Anonymous callers have no principal: every API that
/// carries one takes <c>S3Principal?</c> and <c>null</c> means anonymous.
/// </summary>
internal sealed record S3Principal(string AccountId, string Arn, string AccessKeyId, string UserName)
{
    /// <summary>The user name that denotes the account root user.</summary>
    public const string RootUserName = "root";

    /// <summary>True for the account root user, which policies allow by default.</summary>
    public bool IsRoot => string.Equals(UserName, RootUserName, StringComparison.Ordinal);

    /// <summary>The principal that signs with <paramref name="credential"/>.</summary>
    public static S3Principal For(S3Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var arn = string.Equals(credential.UserName, RootUserName, StringComparison.Ordinal)
            ? $"arn:aws:iam::{credential.AccountId}:root"
            : $"arn:aws:iam::{credential.AccountId}:user/{credential.UserName}";
        return new S3Principal(credential.AccountId, arn, credential.AccessKeyId, credential.UserName);
    }
}
