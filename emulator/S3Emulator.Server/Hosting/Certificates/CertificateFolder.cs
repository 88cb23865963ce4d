using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace S3Emulator.Server.Hosting.Certificates;

/// <summary>
/// Keeps the certificate in a folder across restarts, so that a client which trusted the PEM once
/// keeps trusting the server: the PFX (owner-only) holds the key, the PEM beside it only the certificate.
/// The files are <paramref name="stem"/>.pfx and .pem (see <see cref="CertificateFileNames"/>).
/// </summary>
internal sealed class CertificateFolder(string folder, string stem = CertificateFileNames.Stem)
{
    /// <summary>A certificate closer to its end than this is replaced rather than reused.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public string PfxPath { get; } = Path.Combine(folder, stem + ".pfx");

    public string PemPath { get; } = Path.Combine(folder, stem + ".pem");

    public X509Certificate2 LoadOrCreate(IReadOnlyList<string> dnsNames, DateTimeOffset now)
    {
        var existing = TryLoadUsable(dnsNames, now);
        if (existing is not null)
        {
            EnsurePem(existing);
            return existing;
        }

        var replacing = File.Exists(PfxPath);
        var created = SelfSignedCertificateFactory.Create(dnsNames, now);
        Directory.CreateDirectory(folder);
        // Key first: a PEM must never name a certificate whose key is not on disk. A new file is only ever
        // created, never overwritten: when another emulator created it a moment earlier, its certificate is
        // the one to share, so both serve what the file says.
        var pfx = Pkcs12.Export(created);
        if (!WriteAtomically(PfxPath, pfx, OwnerOnly, overwrite: replacing))
        {
            if (TryLoadUsable(dnsNames, now) is { } concurrent)
            {
                created.Dispose();
                EnsurePem(concurrent);
                return concurrent;
            }
            WriteAtomically(PfxPath, pfx, OwnerOnly, overwrite: true);
        }
        WriteAtomically(PemPath, Encoding.ASCII.GetBytes(EmulatorCertificate.ToPem(created)), WorldReadable, overwrite: true);
        return created;
    }

    private void EnsurePem(X509Certificate2 certificate)
    {
        if (!PemMatches(certificate))
        {
            WriteAtomically(PemPath, Encoding.ASCII.GetBytes(EmulatorCertificate.ToPem(certificate)), WorldReadable, overwrite: true);
        }
    }

    private X509Certificate2? TryLoadUsable(IReadOnlyList<string> dnsNames, DateTimeOffset now)
    {
        if (!File.Exists(PfxPath))
        {
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = Pkcs12.LoadFile(PfxPath, password: null);
        }
        catch (CryptographicException)
        {
            // Damaged or not ours (a password we do not know): replace it; it is only a test certificate.
            return null;
        }
        var usable = certificate.HasPrivateKey
            && certificate.NotBefore.ToUniversalTime() <= now.UtcDateTime
            && certificate.NotAfter.ToUniversalTime() - RenewBefore > now.UtcDateTime
            && CertificateNames.Matches(certificate, dnsNames);
        if (usable)
        {
            return certificate;
        }
        certificate.Dispose();
        return null;
    }

    private bool PemMatches(X509Certificate2 certificate)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPem(File.ReadAllText(PemPath));
            return pem.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Through a temporary file created with its final mode, then renamed: the key is never readable
    /// by others, not even for a moment, and a reader never sees half a file. Returns false, writing
    /// nothing, when <paramref name="overwrite"/> is false and the file exists.
    /// </summary>
    private static bool WriteAtomically(string path, byte[] content, UnixFileMode mode, bool overwrite)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
            }
            if (!OperatingSystem.IsWindows())
            {
                // The process umask may have taken bits away from UnixCreateMode; never adds any.
                File.SetUnixFileMode(temporary, mode);
            }
            File.Move(temporary, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
