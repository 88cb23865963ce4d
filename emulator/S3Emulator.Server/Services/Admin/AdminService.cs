using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Server.Services.Admin;

/// <summary>
/// The emulator's own endpoints, outside S3's API: readiness, the request journal and the TLS certificate clients
/// should trust. Under a path prefix no bucket can have (bucket names cannot hold <c>_</c>). Not journaled: reading
/// the journal must not change it. The HTTP functions' map (<see cref="FunctionsEndpoint"/>) also takes a signed PUT.
/// </summary>
/// <remarks>
/// Readiness waits for the host to have started: Kestrel serves its first endpoint (HTTP) while it is still binding
/// the next (HTTPS), and a wait strategy that trusted the first "ready" would send its HTTPS request into a port
/// nobody listens on yet (Docker's port proxy then drops the handshake).
/// </remarks>
internal sealed class AdminService(RequestJournal journal, FunctionsEndpoint functions, IHostApplicationLifetime lifetime) : IEmulatorService
{
    public const string Prefix = "/_s3emulator/";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public ServiceKind Kind => ServiceKind.Admin;

    public bool IsRecorded => false;

    public string NewRequestId() => Guid.NewGuid().ToString("D");

    public Task ServeAsync(ServiceExchange exchange)
    {
        var context = exchange.Http;
        var path = exchange.RawTarget.Split('?')[0][Prefix.Length..];
        if (path == FunctionsEndpoint.Path) return functions.ServeAsync(exchange);
        if (!HttpMethods.IsGet(context.Request.Method)) return WriteTextAsync(context, StatusCodes.Status405MethodNotAllowed, "Admin endpoints answer GET only.");
        return path switch
        {
            "health" or "health/ready" => WriteReadinessAsync(context),
            "journal" => context.Response.WriteAsJsonAsync(journal.Entries, JsonOptions),
            "certificate" => WriteCertificateAsync(context),
            _ => WriteTextAsync(context, StatusCodes.Status404NotFound, "No such admin endpoint: health, journal, certificate and functions exist."),
        };
    }

    public async Task<string> WriteErrorAsync(ServiceExchange exchange, Exception failure)
    {
        await WriteTextAsync(exchange.Http, StatusCodes.Status500InternalServerError, "The admin endpoint failed.").ConfigureAwait(false);
        return "InternalError";
    }

    private Task WriteReadinessAsync(HttpContext context) => lifetime.ApplicationStarted.IsCancellationRequested
        ? context.Response.WriteAsync("ready")
        : WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, "starting");

    /// <summary>
    /// The PEM of the certificate HTTPS is served with, so that a client can trust exactly that one;
    /// 404 when the host serves no HTTPS (no <see cref="EmulatorCertificateProvider"/> registered).
    /// </summary>
    private static Task WriteCertificateAsync(HttpContext context)
    {
        var provider = context.RequestServices.GetService<EmulatorCertificateProvider>();
        if (provider is null)
        {
            return WriteTextAsync(context, StatusCodes.Status404NotFound, "This emulator serves no HTTPS, so it has no certificate.");
        }
        context.Response.ContentType = "application/x-pem-file";
        return context.Response.WriteAsync(provider.Pem);
    }

    /// <summary>An admin answer other than data: a status and a sentence, as plain text.</summary>
    internal static Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(text);
    }
}
