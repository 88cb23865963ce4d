using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// In-process only: restores what the fixture carried past TestServer in headers — the exact request
/// target, and headers sent with an empty value — so that everything after it sees the request as Kestrel would.
/// </summary>
internal sealed class CarriedRawTargetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(S3Headers.RawTarget, out var carried)
            && context.Features.Get<IHttpRequestFeature>() is { } request)
        {
            request.RawTarget = carried.ToString();
            context.Request.Headers.Remove(S3Headers.RawTarget);
        }
        if (context.Request.Headers.TryGetValue(S3Headers.EmptyHeaders, out var names))
        {
            foreach (var name in names.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                context.Request.Headers[name] = "";
            }
            context.Request.Headers.Remove(S3Headers.EmptyHeaders);
        }
        return next(context);
    }
}
