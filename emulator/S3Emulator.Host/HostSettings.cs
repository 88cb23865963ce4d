using Microsoft.Extensions.Configuration;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Host;

/// <summary>
/// What only the executable needs besides <see cref="S3EmulatorOptions"/>: the ports it listens on.
/// Read from the same <c>S3Emulator</c> section, so the vocabulary stays one
/// (<c>S3Emulator__HttpsPort=0</c>, <c>--https-port 0</c>).
/// </summary>
internal sealed record HostSettings(int HttpPort, int HttpsPort)
{
    public const int DefaultHttpPort = 9000;
    public const int DefaultHttpsPort = 9443;

    /// <summary>Command-line switches, mapped onto configuration keys of the <c>S3Emulator</c> section.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--data"] = S3EmulatorOptions.SectionName + ":" + nameof(S3EmulatorOptions.DataPath),
        ["--http-port"] = S3EmulatorOptions.SectionName + ":" + nameof(HttpPort),
        ["--https-port"] = S3EmulatorOptions.SectionName + ":" + nameof(HttpsPort),
        ["--functions"] = S3EmulatorOptions.SectionName + ":" + nameof(S3EmulatorOptions.FunctionsPath),
    };

    /// <summary>A port of 0 turns that listener off (an emulator serving only HTTP, or only HTTPS).</summary>
    public bool ServesHttp => HttpPort > 0;

    public bool ServesHttps => HttpsPort > 0;

    public static HostSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(S3EmulatorOptions.SectionName);
        var settings = new HostSettings(
            section.GetValue(nameof(HttpPort), DefaultHttpPort),
            section.GetValue(nameof(HttpsPort), DefaultHttpsPort));
        if (settings.HttpPort is < 0 or > 65535 || settings.HttpsPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Ports must lie between 0 (off) and 65535; got HTTP {settings.HttpPort}, HTTPS {settings.HttpsPort}.");
        }
        if (!settings.ServesHttp && !settings.ServesHttps)
        {
            throw new InvalidOperationException("Both HTTP and HTTPS are turned off (port 0); the emulator would serve nothing.");
        }
        return settings;
    }
}
