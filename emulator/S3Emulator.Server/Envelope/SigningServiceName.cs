using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// The service a request says it is signed for (the fourth part of its SigV4 credential scope), read without
/// verifying anything: routing needs it before any service's authenticator runs. Null when there is none to read.
/// </summary>
internal static class SigningServiceName
{
    private const string HeaderComponent = "Credential=";
    private const string QueryParameter = "X-Amz-Credential=";

    public static string? Of(HttpRequest request, string rawTarget)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SigV4Constants.Algorithm, StringComparison.Ordinal))
        {
            var start = authorization.IndexOf(HeaderComponent, StringComparison.Ordinal);
            if (start < 0) return null;
            start += HeaderComponent.Length;
            var end = authorization.IndexOf(',', start);
            return ServiceOf(authorization[start..(end < 0 ? authorization.Length : end)]);
        }
        var query = rawTarget.IndexOf('?');
        if (query < 0) return null;
        foreach (var pair in rawTarget[(query + 1)..].Split('&'))
        {
            if (pair.StartsWith(QueryParameter, StringComparison.Ordinal))
            {
                return ServiceOf(Uri.UnescapeDataString(pair[QueryParameter.Length..]));
            }
        }
        return null;
    }

    private static string? ServiceOf(string credential) =>
        CredentialScope.TryParse(credential.Trim(), out var scope) ? scope.Service : null;
}
