using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace S3Emulator.Server.Hosting.Certificates;

/// <summary>
/// The subject alternative names the emulator's certificate carries, and the check whether an
/// existing certificate carries exactly those.
/// </summary>
internal static class CertificateNames
{
    /// <summary>Always covered, whatever the configuration says: the loopback names every mode uses.</summary>
    public const string Loopback = "localhost";

    public static readonly IReadOnlyList<IPAddress> IpAddresses = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    /// <summary>
    /// <c>localhost</c>, <c>*.localhost</c>, each base domain D and <c>*.D</c>, and <c>bucket.D</c> for
    /// each named bucket. The exact bucket names are there because OpenSSL (curl, Python, Node) does not
    /// accept a wildcard whose suffix is a single label: <c>*.localhost</c> does not match
    /// <c>bucket.localhost</c> for those clients, while <c>*.s3.localhost</c> would.
    /// Then each of <paramref name="extraNames"/> exactly (<see cref="S3EmulatorOptions.CertificateNames"/>); IP
    /// addresses among them are left out, as among the base domains: the certificate names only the loopback addresses.
    /// </summary>
    public static IReadOnlyList<string> DnsNamesFor(
        IEnumerable<string> baseDomains, IEnumerable<string>? bucketNames, IEnumerable<string>? extraNames = null)
    {
        var domains = new List<string> { Loopback };
        domains.AddRange(baseDomains.Select(Normalize).Where(d => d.Length > 0 && !IPAddress.TryParse(d, out _)));
        domains = domains.Distinct(StringComparer.Ordinal).ToList();

        var names = new List<string>();
        foreach (var domain in domains)
        {
            names.Add(domain);
            names.Add("*." + domain);
        }
        foreach (var bucket in (bucketNames ?? []).Select(Normalize).Where(b => b.Length > 0))
        {
            names.AddRange(domains.Select(domain => bucket + "." + domain));
        }
        names.AddRange((extraNames ?? []).Select(Normalize).Where(n => n.Length > 0 && !IPAddress.TryParse(n, out _)));
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Whether the certificate names exactly <paramref name="dnsNames"/> and the loopback addresses:
    /// a certificate that covers more would silently keep names the configuration dropped.
    /// </summary>
    public static bool Matches(X509Certificate2 certificate, IReadOnlyCollection<string> dnsNames)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (extension is null)
        {
            return false;
        }
        var presentNames = extension.EnumerateDnsNames().Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var presentAddresses = extension.EnumerateIPAddresses().ToHashSet();
        return presentNames.SetEquals(dnsNames.Select(Normalize)) && presentAddresses.SetEquals(IpAddresses);
    }

    internal static string Normalize(string name) => name.Trim().Trim('.').ToLowerInvariant();
}
