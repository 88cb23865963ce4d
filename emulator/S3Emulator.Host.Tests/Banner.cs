using System.Text.RegularExpressions;

namespace S3Emulator.Host.Tests;

/// <summary>Reads the start-up banner the host prints: a first line, then one indented "label  value" line per fact.</summary>
internal static partial class Banner
{
    public const string Ready = "S3 emulator ready";

    /// <summary>The value printed after <paramref name="label"/> in the banner.</summary>
    public static string Value(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s{{2,}}(?<value>.+)$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"the banner has no '{label}' line:\n{output}");
        return match.Groups["value"].Value.Trim();
    }

    /// <summary>The first http:// URL in the banner's endpoints line.</summary>
    public static Uri HttpUrl(string output) => new(HttpUrlPattern().Match(Value(output, "endpoints")).Value);

    /// <summary>The PEM file the banner says to trust.</summary>
    public static string TrustedPemPath(string output) => CertificatePathPattern().Match(Value(output, "certificate")).Groups["path"].Value;

    [GeneratedRegex(@"http://\S+?(?=[,\s]|$)")]
    private static partial Regex HttpUrlPattern();

    [GeneratedRegex(@"trust (?<path>\S+\.pem)")]
    private static partial Regex CertificatePathPattern();
}
