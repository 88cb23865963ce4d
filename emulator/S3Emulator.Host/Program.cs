using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using S3Emulator.Host;
using S3Emulator.Host.PlugIns;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Hosting.Certificates;

// The S3 emulator as an executable (and the container's entry point): HTTP on 9000, HTTPS on 9443.
// Configuration: the "S3Emulator" section of appsettings.json, environment (S3Emulator__Region=…),
// and the switches --data <dir>, --http-port <n>, --https-port <n> (0 turns a listener off), --functions <dir>
// (plug-in Object Lambda functions), --config <file> (a file like appsettings.json); --help lists them.
if (HostHelp.IsRequested(args))
{
    Console.Out.WriteLine(HostHelp.Text);
    return 0;
}
if (HostHealthCheck.IsRequested(args))
{
    return await HostHealthCheck.RunAsync(args, Console.Error);
}

// Content root beside the executable: appsettings.json is found wherever the process is started from.
// The slim builder: the full one also loads IIS integration, HTTP/3 (QUIC) and the Debug and EventSource log
// providers, none of which this host uses (it listens for HTTP/1.1 and HTTP/2 on its own); leaving them out keeps ~2 MiB
// of mapped assemblies and their types out of the process (INVARIANTS.md: a 1 GiB transfer under 100 MiB RSS).
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, HostSettings.SwitchMappings.ToDictionary());
var section = builder.Configuration.GetSection(S3EmulatorOptions.SectionName);
HostSettings settings;
PlugInFunctions plugIns;
try
{
    HostConfigurationFile.AddTo(builder.Configuration, args);
    settings = HostSettings.From(builder.Configuration);
    // Before the emulator's options are built: its function registry is built from them, plug-ins included.
    plugIns = PlugInFunctions.Load(section[nameof(S3EmulatorOptions.FunctionsPath)]);
    builder.Services.AddS3Emulator(o =>
    {
        section.Bind(o);
        plugIns.AddTo(o);
    });
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// Disposed after the app (declared before it): the functions' clients outlive every request.
using var ownedPlugIns = plugIns;

// A start-up failure is told once, below: the host's own "Hosting failed to start" report (an Error with the
// whole stack trace) would only repeat it. Later failures of a background service still log at Critical.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

// Virtual-hosted-style S3 puts a bucket in the host name, so every host name must be let through,
// whatever an inherited AllowedHosts setting says.
builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);

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
    // No body size limit (5 GiB PUTs), no Kestrel Server header, user metadata headers read byte for byte as S3 reads them.
    kestrel.UseS3EmulatorDefaults();
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

// A GET decrypts each 64 KiB frame in the response pipe's own memory: the connections' pools also hold whole frames.
builder.WebHost.UseS3EmulatorFrameBlocks();

await using var app = builder.Build();

try
{
    // Building the pipeline builds the services, so a bad user or role entry already fails here.
    app.UseS3Emulator();
    // Before the first request: a plug-in function's clients reach this emulator through its ports and certificate.
    plugIns.Attach(settings, app.Services.GetService<EmulatorCertificateProvider>());
    await app.StartAsync();
}
catch (S3EmulatorConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (Exception e) when (StartupFailure.PortInUse(e, settings) is { } line)
{
    Console.Error.WriteLine(line);
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"The S3 emulator could not start: {e}");
    return 1;
}

var banner = StartupBanner.Format(
    app.Services.GetRequiredService<S3EmulatorOptions>(),
    app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [],
    app.Services.GetService<EmulatorCertificateProvider>(),
    plugIns);
HostLog.Ready(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("S3Emulator.Host"), banner);

await app.WaitForShutdownAsync();
return 0;
