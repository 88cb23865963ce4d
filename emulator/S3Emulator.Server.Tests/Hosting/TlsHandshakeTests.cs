using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Server.Tests.Hosting;

/// <summary>
/// A real TLS handshake against Kestrel serving the emulator's certificate, with a client that trusts
/// that certificate and nothing else, the way a test suite trusts the PEM.
/// </summary>
[NonParallelizable]
public sealed class TlsHandshakeTests
{
    private X509Certificate2 _certificate = null!;
    private WebApplication _server = null!;
    private int _port;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _certificate = EmulatorCertificate.Create(["s3.test"], ["bucket"]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_certificate)));
        _server = builder.Build();
        _server.MapGet("/", (HttpContext context) => "hello " + context.Request.Host.Host);
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _port = new Uri(address).Port;
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }

    [TestCase("localhost")]
    [TestCase("bucket.localhost", Description = "named exactly: OpenSSL, and so .NET on Linux, ignores *.localhost")]
    [TestCase("s3.test")]
    [TestCase("any-bucket.s3.test", Description = "through the wildcard *.s3.test")]
    [TestCase("127.0.0.1")]
    public async Task Get_TrustingOnlyThePem_Succeeds(string host)
    {
        using var client = ClientTrusting(PemOf(_certificate));

        var body = await client.GetStringAsync($"https://{host}:{_port}/");

        Assert.That(body, Is.EqualTo("hello " + host));
    }

    [Test]
    public void Get_ForANameTheCertificateDoesNotCarry_FailsTheHandshake()
    {
        using var client = ClientTrusting(PemOf(_certificate));

        Assert.That(async () => await client.GetStringAsync($"https://bucket.example.com:{_port}/"),
            Throws.InstanceOf<HttpRequestException>().With.InnerException.InstanceOf<System.Security.Authentication.AuthenticationException>());
    }

    [Test]
    public void Get_TrustingAnotherEmulatorsCertificate_FailsTheHandshake()
    {
        using var other = EmulatorCertificate.Create(["s3.test"]);
        using var client = ClientTrusting(PemOf(other));

        Assert.That(async () => await client.GetStringAsync($"https://localhost:{_port}/"),
            Throws.InstanceOf<HttpRequestException>().With.InnerException.InstanceOf<System.Security.Authentication.AuthenticationException>());
    }

    private static X509Certificate2 PemOf(X509Certificate2 certificate) =>
        X509Certificate2.CreateFromPem(new EmulatorCertificateProvider(certificate).Pem);

    /// <summary>
    /// Trusts exactly <paramref name="trusted"/> as its only root, and connects every name to loopback
    /// while the URI's host still drives SNI and name validation: no resolver entries needed.
    /// </summary>
    private static HttpClient ClientTrusting(X509Certificate2 trusted)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(trusted);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler);
    }
}
