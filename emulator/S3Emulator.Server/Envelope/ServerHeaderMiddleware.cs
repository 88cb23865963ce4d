using Microsoft.AspNetCore.Http;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// Every answer names one server, <c>AmazonS3</c> as S3 does: S3 results and errors, the admin endpoints and the
/// KMS API alike. Set when the response starts, so that an error path that clears the headers keeps it too.
/// A host on Kestrel turns <c>AddServerHeader</c> off, so that Kestrel's own refusals name no other server.
/// </summary>
internal sealed class ServerHeaderMiddleware(RequestDelegate next)
{
    public const string Value = "AmazonS3";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.Server = Value;
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
