using System.Text.RegularExpressions;

namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>
/// The host labels that address an access point by ARN (object-lambda.md §2): <c>{name}-{account}</c> under a base
/// domain (<c>my-ap-123456789012.localhost</c>) or on AWS's access point host
/// (<c>my-ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com</c>). A name may hold <c>-</c>, so the label is split
/// on the last <c>-</c> before the 12-digit account.
/// </summary>
internal static partial class AccessPointHosts
{
    /// <summary>Splits <c>{name}-{account}</c>; false when the label has no 12-digit account after its last <c>-</c>.</summary>
    public static bool TrySplitLabel(string label, out string name, out string accountId)
    {
        var match = NameAndAccount().Match(label);
        name = match.Success ? match.Groups["name"].Value : "";
        accountId = match.Success ? match.Groups["account"].Value : "";
        return match.Success;
    }

    /// <summary>Whether the host is AWS's own access point host, where a label that names no access point is an error.</summary>
    public static bool IsAwsAccessPointHost(string hostWithoutPort) => AwsAccessPointHost().IsMatch(hostWithoutPort);

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9-]*)-(?<account>[0-9]{12})$")]
    private static partial Regex NameAndAccount();

    // my-ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com (+ -fips, .dualstack)
    [GeneratedRegex(@"^(?<label>[^.]+)\.s3-accesspoint(?:-fips)?(?:\.dualstack)?\.[a-z0-9-]+\.amazonaws\.com$")]
    public static partial Regex AwsAccessPointHost();

    // my-olap-123456789012.s3-object-lambda.us-east-1.amazonaws.com (+ -fips)
    [GeneratedRegex(@"^(?<label>[^.]+)\.s3-object-lambda(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com$")]
    public static partial Regex AwsObjectLambdaHost();
}
