using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Amazon.Runtime;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// Connections to a compose stack's published ports: every host name the SDK builds (<c>localhost</c>, an access
/// point's or an Object Lambda access point's <c>….localhost</c>) connects to 127.0.0.1, to the published port the
/// URL names or, for any other port, the HTTPS or HTTP one by scheme. TLS trusts exactly the stack's certificate.
/// </summary>
internal static class ComposeClients
{
    public static SocketsHttpHandler Handler(int httpPort, int httpsPort, X509Certificate2 certificate) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var requested = context.DnsEndPoint.Port;
            var port = requested == httpPort || requested == httpsPort ? requested
                : context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttps ? httpsPort : httpPort;
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = new SslClientAuthenticationOptions
        {
            // Pinned: the certificate the stack created in its volume, whatever name the SDK connected by.
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        },
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    };
}

/// <summary>Hands the SDK one HttpClient of its own, never one from the SDK's process-wide cache (keyed by endpoint only).</summary>
internal sealed class ComposeHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose() => _client.Dispose();
}
