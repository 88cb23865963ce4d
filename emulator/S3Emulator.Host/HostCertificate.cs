using Microsoft.Extensions.Logging;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Host;

/// <summary>
/// Chooses the certificate HTTPS is served with: the user's PFX when one is configured, else the
/// emulator's own kept in the data folder, else in the per-user folder <c>~/.s3emulator</c>, so that a client
/// trusts the PEM once and keeps trusting it across restarts. The provider's PEM path is the very file served.
/// Its names: <c>localhost</c>, the base domains, the initial buckets and <see cref="S3EmulatorOptions.CertificateNames"/>;
/// in a container also <c>host.docker.internal</c> and the container's host name (<see cref="ContainerNames"/>).
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
            // The user's PEM (if any) is theirs to hand out; the admin endpoint serves it regardless.
            return new EmulatorCertificateProvider(EmulatorCertificate.LoadPfx(path, options.CertificatePassword));
        }

        var folder = options.DataPath is { Length: > 0 } dataPath ? dataPath : UserFolder();
        if (folder is not null)
        {
            try
            {
                return options.DataPath is { Length: > 0 }
                    ? FromDataFolder(folder, options)
                    // Shared by every emulator started without --data: one file pair per set of names, so that
                    // starting one with other buckets never replaces the certificate a running one serves.
                    : EmulatorCertificate.LoadOrCreateShared(folder, options.BaseDomains, options.InitialBuckets, extraNames: ExtraNames(options));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                HostLog.CertificateFolderUnusable(logger, e, folder);
            }
        }

        return new EmulatorCertificateProvider(EmulatorCertificate.Create(options.BaseDomains, options.InitialBuckets, extraNames: ExtraNames(options)));
    }

    /// <summary>A data folder belongs to one emulator (its store does): the certificate follows its configuration.</summary>
    private static EmulatorCertificateProvider FromDataFolder(string folder, S3EmulatorOptions options)
    {
        var kept = EmulatorCertificate.LoadOrCreate(folder, options.BaseDomains, options.InitialBuckets, extraNames: ExtraNames(options));
        return new EmulatorCertificateProvider(kept, Path.GetFullPath(Path.Combine(folder, EmulatorCertificate.PemFileName)));
    }

    /// <summary>The configured names, and in a container the names other containers and the host reach it by.</summary>
    public static IEnumerable<string> ExtraNames(S3EmulatorOptions options) =>
        options.CertificateNames.Concat(ContainerNames(Environment.GetEnvironmentVariable(ContainerVariable), Environment.MachineName));

    /// <summary>Set to <c>true</c> by the .NET container images, and by this emulator's Dockerfile.</summary>
    public const string ContainerVariable = "DOTNET_RUNNING_IN_CONTAINER";

    public const string DockerHostName = "host.docker.internal";

    /// <summary>
    /// In a container (<paramref name="runningInContainer"/> is <c>true</c>): <c>host.docker.internal</c>, by which a
    /// container reaches a port published on the host (and a transform calls back), and the container's host name
    /// (<c>docker run --hostname</c>, or its id), by which other containers on its network may reach it. None elsewhere,
    /// so that a developer's emulator keeps the certificate the README names.
    /// </summary>
    public static IReadOnlyList<string> ContainerNames(string? runningInContainer, string hostName) =>
        string.Equals(runningInContainer, "true", StringComparison.OrdinalIgnoreCase)
            ? [DockerHostName, .. hostName.Length > 0 ? [hostName] : Array.Empty<string>()]
            : [];

    private static string? UserFolder()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, UserFolderName) : null;
    }
}
