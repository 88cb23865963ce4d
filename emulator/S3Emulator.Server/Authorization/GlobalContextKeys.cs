using System.Globalization;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// The <c>aws:*</c> condition keys every AWS service fills from the request and its caller. Principal-derived keys
/// (<c>aws:username</c>, <c>aws:userid</c>, <c>aws:PrincipalArn</c>) the policy engine takes from the principal.
/// </summary>
internal static class GlobalContextKeys
{
    public static RequestContextKeys For(HttpContext http, S3Principal? principal, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var keys = new RequestContextKeys()
            .Set("aws:SecureTransport", http.Request.IsHttps ? "true" : "false")
            .Set("aws:CurrentTime", now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            .Set("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        // In-process requests come from no socket; they are the test process's own, so loopback.
        keys.Set("aws:SourceIp", (http.Connection.RemoteIpAddress ?? System.Net.IPAddress.Loopback).ToString());
        if (principal is not null)
        {
            keys.Set("aws:PrincipalAccount", principal.AccountId)
                .Set("aws:PrincipalType", principal.Identity.PrincipalType);
            if (principal.Forwarded is { } forwarded)
            {
                // One service in the chain (S3 Object Lambda), so it is both the first and the last.
                keys.Set("aws:CalledVia", [forwarded.CalledVia])
                    .Set("aws:CalledViaFirst", forwarded.CalledVia)
                    .Set("aws:CalledViaLast", forwarded.CalledVia);
            }
        }
        if (http.Features.Get<ITlsHandshakeFeature>() is { } tls)
        {
            keys.Set("s3:TlsVersion", tls.Protocol switch
            {
                System.Security.Authentication.SslProtocols.Tls13 => "1.3",
                System.Security.Authentication.SslProtocols.Tls12 => "1.2",
                _ => tls.Protocol.ToString(),
            });
        }
        return keys;
    }
}
