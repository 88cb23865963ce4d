using System.Net;
using System.Text.RegularExpressions;

namespace S3Emulator.Server.Handlers;

/// <summary>
/// General-purpose bucket naming rules
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
/// </summary>
internal static partial class BucketNameRules
{
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static bool IsValid(string name) =>
        name.Length is >= 3 and <= 63
        && AllowedShape().IsMatch(name)
        && !name.Contains("..", StringComparison.Ordinal)
        && !IPAddress.TryParse(name, out _)
        && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        && !ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex AllowedShape();
}
