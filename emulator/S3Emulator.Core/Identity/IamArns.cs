namespace S3Emulator.Core.Identity;

/// <summary>The ARNs IAM and STS give their principals (IAM User Guide, "IAM identifiers").</summary>
public static class IamArns
{
    /// <summary><c>arn:aws:iam::ACCOUNT:root</c>, the account and its root user.</summary>
    public static string Root(string accountId) => $"arn:aws:iam::{accountId}:root";

    /// <summary><c>arn:aws:iam::ACCOUNT:user/NAME</c>.</summary>
    public static string User(string accountId, string userName) => $"arn:aws:iam::{accountId}:user/{userName}";

    /// <summary><c>arn:aws:iam::ACCOUNT:role/NAME</c>.</summary>
    public static string Role(string accountId, string roleName) => $"arn:aws:iam::{accountId}:role/{roleName}";

    /// <summary><c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>, the ARN of a role session.</summary>
    public static string AssumedRole(string accountId, string roleName, string sessionName) =>
        $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}";

    /// <summary>
    /// Reads <c>arn:aws:iam::ACCOUNT:role/[PATH/]NAME</c>; the role name is the last segment, as IAM names a role
    /// by it alone. False for anything else.
    /// </summary>
    public static bool TryParseRole(string arn, out string accountId, out string roleName)
    {
        accountId = roleName = "";
        var parts = arn.Split(':', 6);
        if (parts is not ["arn", "aws", "iam", "", var account, var resource] || !IsAccountId(account)
            || !resource.StartsWith("role/", StringComparison.Ordinal))
        {
            return false;
        }

        var name = resource[(resource.LastIndexOf('/') + 1)..];
        if (name.Length == 0) return false;
        accountId = account;
        roleName = name;
        return true;
    }

    /// <summary>True for a 12-digit account id.</summary>
    public static bool IsAccountId(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);
}
