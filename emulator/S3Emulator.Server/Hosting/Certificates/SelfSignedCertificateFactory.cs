using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace S3Emulator.Server.Hosting.Certificates;

/// <summary>Builds the emulator's self-signed TLS server certificate.</summary>
internal static class SelfSignedCertificateFactory
{
    public const string SubjectName = "CN=S3Emulator";

    /// <summary>
    /// Under Apple's 825-day limit for TLS server certificates, which macOS enforces even for
    /// certificates a user trusts explicitly.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(730);

    /// <summary>Backdated so that a client whose clock lags a little does not see a "not yet valid" certificate.</summary>
    public static readonly TimeSpan Backdate = TimeSpan.FromDays(1);

    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    public static X509Certificate2 Create(IReadOnlyList<string> dnsNames, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        AddExtensions(request, dnsNames);

        var notBefore = now - Backdate;
        using var created = request.CreateSelfSigned(notBefore, notBefore + Lifetime);
        // The key of a freshly created certificate is ephemeral, which SslStream cannot use on every
        // platform (Windows SChannel refuses it); a PKCS#12 round trip gives a key the platform owns.
        return Pkcs12.Load(Pkcs12.Export(created));
    }

    private static void AddExtensions(CertificateRequest request, IReadOnlyList<string> dnsNames)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in dnsNames)
        {
            names.AddDnsName(dnsName);
        }
        foreach (var address in CertificateNames.IpAddresses)
        {
            names.AddIpAddress(address);
        }
        request.CertificateExtensions.Add(names.Build(critical: false));

        // Not a CA: clients trust (pin) this very certificate. A CA certificate presented as the
        // server's own is rejected by browsers (Firefox: CA cert used as end-entity).
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(
            certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], critical: false));

        // Key identifiers: strict validators (Python 3.13's VERIFY_X509_STRICT) insist on them.
        var subjectKeyId = new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false);
        request.CertificateExtensions.Add(subjectKeyId);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(subjectKeyId));
    }
}
