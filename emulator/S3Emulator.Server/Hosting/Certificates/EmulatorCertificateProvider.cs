using System.Security.Cryptography.X509Certificates;

namespace S3Emulator.Server.Hosting.Certificates;

/// <summary>
/// The certificate a host serves HTTPS with, registered as a singleton by whoever configures the
/// listener (the executable host, the fixture's loopback mode), so that the admin endpoint
/// <c>GET /_s3emulator/certificate</c> can hand its PEM to clients. Absent when there is no HTTPS.
/// </summary>
public sealed class EmulatorCertificateProvider
{
    /// <param name="certificate">The server certificate; only its public part is ever handed out.</param>
    /// <param name="pemPath">Where the PEM lies on disk, when it does; for logs and diagnostics.</param>
    public EmulatorCertificateProvider(X509Certificate2 certificate, string? pemPath = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
        PemPath = pemPath;
        Pem = EmulatorCertificate.ToPem(certificate);
    }

    /// <summary>The server certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate alone, PEM-encoded: what a client trusts.</summary>
    public string Pem { get; }

    /// <summary>The PEM file beside the data, or null when the certificate lives in memory only.</summary>
    public string? PemPath { get; }
}
