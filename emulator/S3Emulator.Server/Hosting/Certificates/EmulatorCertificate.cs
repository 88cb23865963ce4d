using System.Security.Cryptography.X509Certificates;

namespace S3Emulator.Server.Hosting.Certificates;

/// <summary>
/// The emulator's TLS server certificate: self-signed, for <c>localhost</c>, <c>*.localhost</c>, every
/// configured base domain D and <c>*.D</c>, <c>127.0.0.1</c> and <c>::1</c>. Clients trust exactly this
/// certificate (its PEM), never a CA that could sign others.
/// </summary>
public static class EmulatorCertificate
{
    /// <summary>The certificate with its private key, readable by the owner only (mode 0600 on Unix).</summary>
    public const string PfxFileName = CertificateFileNames.Stem + ".pfx";

    /// <summary>The certificate alone, PEM-encoded: what a client adds to its trust store.</summary>
    public const string PemFileName = CertificateFileNames.Stem + ".pem";

    /// <summary>
    /// The DNS names a certificate for these base domains carries: <c>localhost</c>, <c>*.localhost</c>,
    /// each base domain D and <c>*.D</c>, and <c>bucket.D</c> for each of <paramref name="bucketNames"/>.
    /// </summary>
    /// <remarks>
    /// OpenSSL-based clients (curl, Python, Node) ignore a wildcard over a single label, so
    /// <c>*.localhost</c> does not cover <c>bucket.localhost</c> for them; naming the buckets
    /// (or using a base domain of two labels, such as <c>s3.localhost</c>) does.
    /// </remarks>
    /// <param name="baseDomains">Host names under which buckets are addressed.</param>
    /// <param name="bucketNames">Buckets whose virtual-hosted names are named exactly, besides the wildcards.</param>
    /// <param name="extraNames">Further names, each exactly as given (<see cref="S3EmulatorOptions.CertificateNames"/>).</param>
    public static IReadOnlyList<string> DnsNamesFor(
        IEnumerable<string> baseDomains, IEnumerable<string>? bucketNames = null, IEnumerable<string>? extraNames = null)
    {
        ArgumentNullException.ThrowIfNull(baseDomains);
        return CertificateNames.DnsNamesFor(baseDomains, bucketNames, extraNames);
    }

    /// <summary>Creates a new certificate in memory, valid from a day ago for two years.</summary>
    /// <param name="baseDomains">Host names under which buckets are addressed; see <see cref="DnsNamesFor"/>.</param>
    /// <param name="bucketNames">Buckets whose virtual-hosted names are named exactly, besides the wildcards.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="extraNames">Further names, each exactly as given (<see cref="S3EmulatorOptions.CertificateNames"/>).</param>
    /// <returns>A certificate with its private key, usable by Kestrel and <see cref="System.Net.Security.SslStream"/>.</returns>
    public static X509Certificate2 Create(
        IEnumerable<string> baseDomains, IEnumerable<string>? bucketNames = null, TimeProvider? timeProvider = null,
        IEnumerable<string>? extraNames = null)
    {
        var names = DnsNamesFor(baseDomains, bucketNames, extraNames);
        return SelfSignedCertificateFactory.Create(names, (timeProvider ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>
    /// Returns the certificate kept in <paramref name="folder"/> (<see cref="PfxFileName"/>) when it is
    /// still valid for at least 30 days and names exactly the same hosts; otherwise creates one and writes
    /// <see cref="PfxFileName"/> (owner-only) and <see cref="PemFileName"/> there, creating the folder.
    /// </summary>
    /// <exception cref="IOException">The folder or its files cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or its files cannot be written.</exception>
    public static X509Certificate2 LoadOrCreate(
        string folder, IEnumerable<string> baseDomains, IEnumerable<string>? bucketNames = null, TimeProvider? timeProvider = null,
        IEnumerable<string>? extraNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var names = DnsNamesFor(baseDomains, bucketNames, extraNames);
        return new CertificateFolder(folder).LoadOrCreate(names, (timeProvider ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>
    /// Like <see cref="LoadOrCreate"/>, for a folder that several emulators share (the per-user <c>~/.s3emulator</c>):
    /// the files are named after the set of names the certificate carries (<see cref="PemFileName"/> and its PFX for
    /// the default names, <c>s3emulator-cert-</c>hash<c>.pem</c> for others), so that an emulator with other names
    /// never replaces a certificate another one serves, and emulators with the same names share one.
    /// </summary>
    /// <returns>The certificate, with <see cref="EmulatorCertificateProvider.PemPath"/> the file it is kept in.</returns>
    /// <exception cref="IOException">The folder or its files cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or its files cannot be written.</exception>
    public static EmulatorCertificateProvider LoadOrCreateShared(
        string folder, IEnumerable<string> baseDomains, IEnumerable<string>? bucketNames = null, TimeProvider? timeProvider = null,
        IEnumerable<string>? extraNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var names = DnsNamesFor(baseDomains, bucketNames, extraNames);
        var kept = new CertificateFolder(folder, CertificateFileNames.StemFor(names));
        var certificate = kept.LoadOrCreate(names, (timeProvider ?? TimeProvider.System).GetUtcNow());
        return new EmulatorCertificateProvider(certificate, Path.GetFullPath(kept.PemPath));
    }

    /// <summary>Loads a user-supplied PKCS#12 file (<see cref="S3EmulatorOptions.CertificatePath"/>) as it is.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The file is not PKCS#12, or the password is wrong.</exception>
    /// <exception cref="InvalidOperationException">The file holds no private key.</exception>
    public static X509Certificate2 LoadPfx(string path, string? password)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var certificate = Pkcs12.LoadFile(path, password);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The certificate in '{path}' has no private key; a TLS server needs one.");
        }
        return certificate;
    }

    /// <summary>The certificate alone as a PEM file's text, ending in a line break as tools expect.</summary>
    internal static string ToPem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";
}
