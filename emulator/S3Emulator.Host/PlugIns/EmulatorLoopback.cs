using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace S3Emulator.Host.PlugIns;

/// <summary>
/// How a plug-in function reaches the emulator it runs in: every connection goes to this process's own listening port
/// on 127.0.0.1, whatever host the URL names (<c>localhost</c>, <c>{route}.localhost</c>, an access point alias, or a
/// public URL such as a container's published port that the container itself cannot reach); the Host header and the
/// TLS server name stay the ones the client built. TLS trusts exactly the emulator's own certificate. The ports and the
/// certificate are known once the emulator is built, after the functions were created: <see cref="Attach"/> gives them.
/// </summary>
internal sealed class EmulatorLoopback
{
    private volatile Target? _target;

    /// <summary>Gives the emulator's ports (0 for a listener that is off) and its certificate (null without HTTPS).</summary>
    public void Attach(int httpPort, int httpsPort, X509Certificate2? certificate) =>
        _target = new Target(httpPort, httpsPort, certificate?.GetCertHashString());

    /// <summary>A handler for one function's clients; it reads the target at each connection.</summary>
    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        // A proxy from the environment (a container's HTTP_PROXY) would take the request away from this process.
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = ConnectAsync,
        SslOptions = new SslClientAuthenticationOptions
        {
            // Pinning the one certificate is stricter than a CA check; the host name is not checked because the URL's
            // host (a *.localhost name, a public URL) need not be one the certificate names.
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && _target?.CertificateHash is { } hash && presented.GetCertHashString() == hash,
        },
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = _target ?? throw new HttpRequestException(HttpRequestError.ConnectionError, "The emulator is not listening yet.");
        var port = target.PortFor(context.DnsEndPoint.Port, context.InitialRequestMessage.RequestUri?.Scheme);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed record Target(int HttpPort, int HttpsPort, string? CertificateHash)
    {
        // The emulator's own ports reach themselves; any other (a public URL's, an SDK's default 443) reaches the
        // listener of the request's scheme, or the one listener there is.
        public int PortFor(int requestedPort, string? scheme)
        {
            if (requestedPort > 0 && (requestedPort == HttpPort || requestedPort == HttpsPort)) return requestedPort;
            var https = string.Equals(scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
            return https ? (HttpsPort > 0 ? HttpsPort : HttpPort) : (HttpPort > 0 ? HttpPort : HttpsPort);
        }
    }
}
