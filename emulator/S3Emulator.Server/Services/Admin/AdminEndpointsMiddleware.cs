using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Server.Services.Admin;

/// <summary>
/// The emulator's own endpoints, outside S3's API: readiness, the request journal and the TLS
/// certificate clients should trust.
/// Matched on the raw target so that no S3 request can be mistaken for one.
/// </summary>
internal sealed class AdminEndpointsMiddleware(RequestDelegate next, RequestJournal journal)
{
    public const string Prefix = "/_s3emulator/";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task InvokeAsync(HttpContext context)
    {
        var rawTarget = RawRequestTarget.Of(context);
        if (!rawTarget.StartsWith(Prefix, StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method))
        {
            return next(context);
        }
        var path = rawTarget.Split('?')[0][Prefix.Length..];
        return path switch
        {
            "health" or "health/ready" => context.Response.WriteAsync("ready"),
            "journal" => context.Response.WriteAsJsonAsync(journal.Entries, JsonOptions),
            "certificate" => WriteCertificateAsync(context),
            _ => next(context),
        };
    }

    /// <summary>
    /// The PEM of the certificate HTTPS is served with, so that a client can trust exactly that one;
    /// 404 when the host serves no HTTPS (no <see cref="EmulatorCertificateProvider"/> registered).
    /// </summary>
    private static Task WriteCertificateAsync(HttpContext context)
    {
        var provider = context.RequestServices.GetService<EmulatorCertificateProvider>();
        if (provider is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("This emulator serves no HTTPS, so it has no certificate.");
        }
        context.Response.ContentType = "application/x-pem-file";
        return context.Response.WriteAsync(provider.Pem);
    }
}
