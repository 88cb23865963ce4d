using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Server.Hosting.Certificates;

/// <summary>
/// The file names a certificate is kept under in a folder that several emulators share (the per-user
/// <c>~/.s3emulator</c>): one pair per set of names, so that an emulator configured with other names (other
/// initial buckets, other base domains) writes beside a certificate another instance serves, never over it.
/// </summary>
internal static class CertificateFileNames
{
    public const string Stem = "s3emulator-cert";

    /// <summary>
    /// <c>s3emulator-cert</c> for the names of the default configuration (<c>localhost</c>, <c>*.localhost</c>),
    /// the file the README names; <c>s3emulator-cert-</c> and 12 hex digits of a hash of the names otherwise.
    /// </summary>
    public static string StemFor(IReadOnlyCollection<string> dnsNames)
    {
        var names = dnsNames.Select(CertificateNames.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var defaults = CertificateNames.DnsNamesFor([CertificateNames.Loopback], bucketNames: null);
        if (names.ToHashSet(StringComparer.Ordinal).SetEquals(defaults))
        {
            return Stem;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names)));
        return Stem + "-" + Convert.ToHexStringLower(hash)[..12];
    }
}
