using System.Text.RegularExpressions;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// Completes the function an Object Lambda configuration names — full ARN, partial ARN (<c>{account}:function:{name}</c>,
/// <c>function:{name}</c>) or bare name, each optionally qualified — to the full ARN IAM decides
/// <c>lambda:InvokeFunction</c> on, in the access point's region and account where the name leaves them out.
/// </summary>
internal static partial class LambdaFunctionArns
{
    public static string Qualify(string configured, string region, string accountId)
    {
        if (configured.StartsWith("arn:", StringComparison.Ordinal)) return configured;
        var partial = Partial().Match(configured);
        if (partial.Success)
        {
            var account = partial.Groups["account"].Success ? partial.Groups["account"].Value : accountId;
            return $"arn:aws:lambda:{region}:{account}:function:{partial.Groups["rest"].Value}";
        }
        return $"arn:aws:lambda:{region}:{accountId}:function:{configured}";
    }

    [GeneratedRegex(@"^(?:(?<account>[0-9]{12}):)?function:(?<rest>.+)$")]
    private static partial Regex Partial();
}
