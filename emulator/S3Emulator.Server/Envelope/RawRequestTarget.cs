using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace S3Emulator.Server.Envelope;

/// <summary>The request target exactly as the client sent it: what every service of the emulator routes and signs on.</summary>
internal static class RawRequestTarget
{
    /// <summary>
    /// <c>IHttpRequestFeature.RawTarget</c> in origin form (path and query); rebuilt from the path and query only where a
    /// server supplies none. Never <c>Request.Path</c> alone: keys may hold <c>..</c>, <c>//</c> and <c>%2F</c>, which it
    /// normalises. An absolute-form target (<c>http://host/path</c>, as clients send through an HTTP proxy) loses its
    /// scheme and authority, which the Host header carries too, so that every service routes it as it routes the origin form.
    /// </summary>
    public static string Of(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? OriginForm(raw)
            : context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();

    private static string OriginForm(string raw)
    {
        if (raw.StartsWith('/')) return raw;
        var scheme = raw.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0) return raw;
        var pathStart = raw.IndexOfAny(['/', '?'], scheme + 3);
        return pathStart < 0 ? "/" : raw[pathStart] == '?' ? "/" + raw[pathStart..] : raw[pathStart..];
    }
}
