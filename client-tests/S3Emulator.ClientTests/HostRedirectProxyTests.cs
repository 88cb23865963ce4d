using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests;

/// <summary>
/// The fixture's <see cref="HostRedirectProxy"/> as any proxy client uses it: <c>CONNECT</c> tunnels for HTTPS and for
/// plain HTTP, absolute-form requests for plain HTTP; every host reaches the emulator. Loopback only: in-process
/// there is no port to reach.
/// </summary>
public sealed class HostRedirectProxyTests(Transport transport) : EmulatorTestBase(transport)
{
    private HostRedirectProxy _proxy = null!;

    [SetUp]
    public void StartProxy()
    {
        if (Transport == Transport.InProcess) Assert.Ignore("The proxy reaches a loopback emulator.");
        _proxy = Emulator.StartHostRedirectProxy();
    }

    [TearDown]
    public async Task StopProxyAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
    }

    [TestCase("https://bucket.s3.us-east-1.amazonaws.com/", TestName = "AnHttpsHost_IsTunnelledToTheHttpsPort")]
    [TestCase("http://bucket.s3.us-east-1.amazonaws.com/", TestName = "AnHttpHost_IsPassedInAbsoluteFormToTheHttpPort")]
    [TestCase("https://123456789012.localhost:{0}/", TestName = "AHostUnderLocalhost_IsTunnelledWithItsPort")]
    public async Task AProxiedRequest_ReachesTheEmulator(string url)
    {
        var port = Emulator.HttpsUrl!.Port;
        using var http = ThroughTheProxy();
        var before = Emulator.Journal.Entries.Count;

        using var response = await http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, port));

        Assert.That(response.Headers.Contains("x-amz-request-id"), Is.True, response.StatusCode.ToString());
        Assert.That(Emulator.Journal.Entries.Skip(before).Select(e => e.Method), Is.EqualTo(new[] { "GET" }));
    }

    [Test]
    public async Task APlainHttpTunnel_ReachesTheHttpPort()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _proxy.Url.Port);
        var stream = client.GetStream();

        await stream.WriteAsync("CONNECT bucket.localhost:80 HTTP/1.1\r\nHost: bucket.localhost:80\r\n\r\n"u8.ToArray());
        var established = await ReadHeadAsync(stream);
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: bucket.localhost\r\nConnection: close\r\n\r\n"u8.ToArray());
        var answer = await ReadHeadAsync(stream);

        Assert.That(established, Does.StartWith("HTTP/1.1 200 "));
        Assert.That(answer, Does.StartWith("HTTP/1.1 ").And.Contain("x-amz-request-id"));
    }

    // Exactly the limit, so that nothing is left unread when the proxy hangs up (which would reset the connection).
    [TestCase(16 * 1024, TestName = "AHeadLongerThan16KiB_IsRefused")]
    [TestCase(0, TestName = "AnEmptyRequestLine_IsRefused")]
    public async Task ABadHead_IsRefused(int length)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _proxy.Url.Port);
        var stream = client.GetStream();

        await stream.WriteAsync(length == 0 ? "\r\n\r\n"u8.ToArray() : Enumerable.Repeat((byte)'a', length).ToArray());
        var answer = await ReadHeadAsync(stream);

        Assert.That(answer, Does.StartWith("HTTP/1.1 400 "));
    }

    [Test]
    public async Task Dispose_ClosesOpenTunnels()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _proxy.Url.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("CONNECT sts.amazonaws.com:443 HTTP/1.1\r\nHost: sts.amazonaws.com:443\r\n\r\n"u8.ToArray());
        await ReadHeadAsync(stream);

        await _proxy.DisposeAsync();
        var read = await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(read, Is.Zero, "the tunnel ends with the proxy");
    }

    private HttpClient ThroughTheProxy()
    {
        var certificate = Emulator.Certificate!;
        var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(_proxy.Url),
            UseProxy = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    presented is not null && presented.GetCertHashString() == certificate.GetCertHashString()
                    && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0,
            },
        };
        return new HttpClient(handler);
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, timeout.Token) == 1)
        {
            head.Append((char)buffer[0]);
        }
        return head.ToString();
    }
}
