using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace S3Emulator.Server.Envelope;

/// <summary>The request target exactly as the client sent it: what every service of the emulator routes and signs on.</summary>
internal static class RawRequestTarget
{
    /// <summary>
    /// <c>IHttpRequestFeature.RawTarget</c>; rebuilt from the path and query only where a server supplies none.
    /// Never <c>Request.Path</c> alone: keys may hold <c>..</c>, <c>//</c> and <c>%2F</c>, which it normalises.
    /// </summary>
    public static string Of(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
}
