using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Pipeline;

/// <summary>
/// In-process only: restores the exact request target that the fixture carried past TestServer in a
/// header, so that everything after it reads <see cref="IHttpRequestFeature.RawTarget"/> as on Kestrel.
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
        return next(context);
    }
}
