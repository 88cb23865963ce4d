using Microsoft.Extensions.Logging;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Host;

/// <summary>
/// Chooses the certificate HTTPS is served with: the user's PFX when one is configured, else the
/// emulator's own kept in the data folder, else in a per-user folder, so that a client trusts the
/// PEM once and keeps trusting it across restarts.
/// </summary>
internal static class HostCertificate
{
    public const string UserFolderName = ".s3emulator";

    public static EmulatorCertificateProvider Resolve(S3EmulatorOptions options, ILogger logger)
    {
        if (options.CertificatePath is { Length: > 0 } path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"{S3EmulatorOptions.SectionName}:{nameof(S3EmulatorOptions.CertificatePath)} names '{Path.GetFullPath(path)}', which does not exist.", path);
            }
            var supplied = EmulatorCertificate.LoadPfx(path, options.CertificatePassword);
            // The user's PEM (if any) is theirs to hand out; the admin endpoint serves it regardless.
            HostLog.Certificate(logger, supplied.Thumbprint, "from " + path, "your own files");
            return new EmulatorCertificateProvider(supplied);
        }

        var folder = options.DataPath is { Length: > 0 } dataPath ? dataPath : UserFolder();
        if (folder is not null)
        {
            try
            {
                var kept = EmulatorCertificate.LoadOrCreate(folder, options.BaseDomains, options.InitialBuckets);
                var pemPath = Path.GetFullPath(Path.Combine(folder, EmulatorCertificate.PemFileName));
                HostLog.Certificate(logger, kept.Thumbprint, "self-signed, kept in " + Path.GetFullPath(folder), pemPath);
                return new EmulatorCertificateProvider(kept, pemPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                HostLog.CertificateFolderUnusable(logger, e, folder);
            }
        }

        var ephemeral = EmulatorCertificate.Create(options.BaseDomains, options.InitialBuckets);
        HostLog.Certificate(logger, ephemeral.Thumbprint, "self-signed, in memory", "nowhere on disk");
        return new EmulatorCertificateProvider(ephemeral);
    }

    private static string? UserFolder()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, UserFolderName) : null;
    }
}
