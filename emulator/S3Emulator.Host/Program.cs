using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using S3Emulator.Host;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Hosting.Certificates;

// The S3 emulator as an executable (and the container's entry point): HTTP on 9000, HTTPS on 9443.
// Configuration: the "S3Emulator" section of appsettings.json, environment (S3Emulator__Region=…),
// and the switches --data <dir>, --http-port <n>, --https-port <n> (0 turns a listener off).
// Content root beside the executable: appsettings.json is found wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, HostSettings.SwitchMappings.ToDictionary());
var settings = HostSettings.From(builder.Configuration);

// Virtual-hosted-style S3 puts a bucket in the host name, so every host name must be let through,
// whatever an inherited AllowedHosts setting says.
builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);

var section = builder.Configuration.GetSection(S3EmulatorOptions.SectionName);
builder.Services.AddS3Emulator(o => section.Bind(o));
if (settings.ServesHttps)
{
    // Resolved when Kestrel starts, with the bound options and the host's logging.
    builder.Services.AddSingleton(sp => HostCertificate.Resolve(
        sp.GetRequiredService<S3EmulatorOptions>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("S3Emulator.Host")));
}

// Kestrel listens where this says and nowhere else: ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS are
// ignored (with one "Overriding address(es)" warning when set; the host reads them before this code
// runs, so only an empty value in the environment, e.g. in the Dockerfile, silences it).
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // S3 takes single PUTs of up to 5 GiB; Kestrel's 30 MB default would cut them off.
    kestrel.Limits.MaxRequestBodySize = null;
    if (settings.ServesHttp)
    {
        kestrel.ListenAnyIP(settings.HttpPort);
    }
    if (settings.ServesHttps)
    {
        // An explicit certificate: Kestrel never looks for the ASP.NET Core development certificate.
        var certificate = kestrel.ApplicationServices.GetRequiredService<EmulatorCertificateProvider>().Certificate;
        kestrel.ListenAnyIP(settings.HttpsPort, listen => listen.UseHttps(certificate));
    }
});

var app = builder.Build();
app.UseS3Emulator();

var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("S3Emulator.Host");
app.Lifetime.ApplicationStarted.Register(() =>
{
    var options = app.Services.GetRequiredService<S3EmulatorOptions>();
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        HostLog.Listening(logger, address);
    }
    var storage = options.DataPath is { Length: > 0 } path ? "files in " + Path.GetFullPath(path) : "in memory";
    HostLog.Storage(logger, storage, options.Region, string.Join(", ", options.BaseDomains.Distinct(StringComparer.OrdinalIgnoreCase)));
});

await app.RunAsync();
