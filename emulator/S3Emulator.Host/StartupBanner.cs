using S3Emulator.Host.PlugIns;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Host;

/// <summary>
/// What the executable prints once it listens: the URLs clients use (<c>localhost</c>, never the wildcard
/// address Kestrel binds), the access key (its secret only when it is the documented default), region, data
/// folder, health and journal URLs, the certificate file to trust, and the plug-in functions loaded (name → class).
/// </summary>
internal static class StartupBanner
{
    public const string Ready = "S3 emulator ready";

    public static string Format(
        S3EmulatorOptions options, IEnumerable<string> boundAddresses, EmulatorCertificateProvider? certificate, PlugInFunctions plugIns)
    {
        // Plain HTTP first: the URL a newcomer can use without trusting a certificate.
        var urls = boundAddresses.Select(ClientUrl).OrderBy(u => u.Scheme == Uri.UriSchemeHttps).ToList();
        var admin = urls.Count > 0 ? urls[0] + "_s3emulator/" : "/_s3emulator/";
        var lines = new List<(string Label, string Value)>
        {
            ("endpoints", string.Join(", ", urls.Select(u => u.ToString().TrimEnd('/')))),
            ("access key", AccessKey(options)),
            ("region", options.Region),
            ("data", options.DataPath is { Length: > 0 } path ? Path.GetFullPath(path) : "in memory (--data <dir> keeps it in files)"),
        };
        if (certificate is not null)
        {
            lines.Add(("certificate", Certificate(options, certificate, admin)));
        }
        if (plugIns.Folder is { } folder)
        {
            // One line per function, so that a missing or misnamed one shows at a glance.
            lines.Add(("functions", $"{plugIns.Functions.Count} plug-in function(s) from {folder}"));
            lines.AddRange(plugIns.Functions.Select(f => ("", f.ToString())));
        }
        lines.Add(("health", admin + "health"));
        lines.Add(("journal", admin + "journal"));
        return Ready + "\n" + string.Join('\n', lines.Select(l => $"  {l.Label,-12}  {l.Value}"));
    }

    private static Uri ClientUrl(string boundAddress) => new UriBuilder(boundAddress) { Host = "localhost" }.Uri;

    private static string AccessKey(S3EmulatorOptions options)
    {
        if (options.Credentials.Count == 0)
        {
            return $"{S3CredentialOptions.DefaultAccessKeyId}, secret {S3CredentialOptions.DefaultSecretAccessKey} (the documented default pair)";
        }
        var first = options.Credentials[0];
        var more = options.Credentials.Count > 1 ? $" and {options.Credentials.Count - 1} more" : "";
        return first.SecretAccessKey == S3CredentialOptions.DefaultSecretAccessKey
            ? $"{first.AccessKeyId}, secret {first.SecretAccessKey} (the documented default){more}"
            : $"{first.AccessKeyId} (secret as configured){more}";
    }

    private static string Certificate(S3EmulatorOptions options, EmulatorCertificateProvider certificate, string admin)
    {
        var thumbprint = certificate.Certificate.Thumbprint;
        if (certificate.PemPath is { } pem)
        {
            return $"trust {pem} (self-signed {thumbprint}; also served at {admin}certificate)";
        }
        return options.CertificatePath is { Length: > 0 } own
            ? $"{thumbprint}, your own from {Path.GetFullPath(own)}"
            : $"self-signed {thumbprint}, in memory only: trust what {admin}certificate serves";
    }
}
