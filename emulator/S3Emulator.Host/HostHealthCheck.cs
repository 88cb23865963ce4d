using Microsoft.Extensions.Configuration;

namespace S3Emulator.Host;

/// <summary>
/// <c>--health-check</c>: asks a running emulator on this machine whether it is ready
/// (<c>GET /_s3emulator/health</c> on 127.0.0.1) and exits 0 when it is, 1 otherwise. The image's HEALTHCHECK runs
/// it, as a minimal base image has no curl or shell. It reads the ports from the same configuration the emulator
/// reads (appsettings.json, the configuration file, the environment, the switches) and starts no web host.
/// </summary>
internal static class HostHealthCheck
{
    public const string Switch = "--health-check";
    public const string HealthPath = "/_s3emulator/health";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsRequested(IEnumerable<string> args) => args.Contains(Switch, StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        Uri url;
        try
        {
            url = UrlFor(HostSettings.From(Configuration(args)));
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        using var handler = new SocketsHttpHandler();
        // Its own certificate on loopback, asked only "are you ready": trust is not what is checked here.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var client = new HttpClient(handler) { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return 0;
            error.WriteLine($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"{url} did not answer: {e.Message}");
            return 1;
        }
    }

    /// <summary>HTTP when it is served (cheaper), else HTTPS.</summary>
    public static Uri UrlFor(HostSettings settings) => settings.ServesHttp
        ? new Uri($"http://127.0.0.1:{settings.HttpPort}{HealthPath}")
        : new Uri($"https://127.0.0.1:{settings.HttpsPort}{HealthPath}");

    private static IConfiguration Configuration(string[] args)
    {
        var arguments = args.Where(a => a != Switch).ToArray();
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(arguments, HostSettings.SwitchMappings.ToDictionary());
        HostConfigurationFile.AddTo(builder, arguments);
        return builder.Build();
    }
}
