using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// Where a function reaches the emulator: <see cref="S3EmulatorOptions.PublicUrl"/> when configured, else the scheme,
/// base domain and port the request arrived on (<c>https://localhost:9443</c> for a request to
/// <c>{olap}-{account}.localhost:9443</c>), or S3's regional host for a request to AWS's Object Lambda host.
/// </summary>
internal static class FunctionPublicUrl
{
    public static Uri For(HttpRequest request, S3EmulatorOptions options)
    {
        if (options.PublicUrl is { Length: > 0 } configured) return new Uri(configured);
        var host = HostName.WithoutPort(request.Host.Value ?? "localhost");
        var baseHost = options.BaseDomains
            .Select(domain => domain.Trim().TrimStart('.').ToLowerInvariant())
            .FirstOrDefault(domain => host == domain || host.EndsWith("." + domain, StringComparison.Ordinal))
            ?? (host.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? $"s3.{options.Region}.amazonaws.com" : host);
        var builder = new UriBuilder(request.Scheme, baseHost, request.Host.Port ?? -1);
        return builder.Uri;
    }
}
