using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>
/// General-purpose bucket naming rules
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), plus the older DNS rule
/// S3 still enforces that a dot and a dash never meet (<c>a.-b</c>, <c>a-.b</c>).
/// </summary>
internal static partial class BucketNameRules
{
    // "sthree-" also covers the documented "sthree-configurator" prefix.
    private static readonly ImmutableArray<string> ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly ImmutableArray<string> ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static bool IsValid(string name) =>
        name.Length is >= 3 and <= 63
        && AllowedShape().IsMatch(name)
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Contains(".-", StringComparison.Ordinal)
        && !name.Contains("-.", StringComparison.Ordinal)
        && !IpAddressForm().IsMatch(name)
        && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        && !ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex AllowedShape();

    // "Formatted as an IP address (for example, 192.168.5.4)": a dotted quad. IPAddress.TryParse would also
    // take "123" and "1.2.3" (legacy short forms), which are valid bucket names.
    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex IpAddressForm();
}
