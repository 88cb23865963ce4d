using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting.Certificates;
using S3Emulator.Server.Services.Admin;

namespace S3Emulator.Server.Tests.Hosting;

public sealed class AdminEndpointTests
{
    [Test]
    public async Task GetHealth_BeforeTheHostHasStarted_IsStarting_AndReadyOnceItHas()
    {
        var lifetime = new HostLifetime();

        var before = await GetAsync(new ServiceCollection(), "/_s3emulator/health", lifetime);
        lifetime.Start();
        var after = await GetAsync(new ServiceCollection(), "/_s3emulator/health", lifetime);

        Assert.That((before.Status, before.Body), Is.EqualTo((StatusCodes.Status503ServiceUnavailable, "starting")));
        Assert.That((after.Status, after.Body), Is.EqualTo((StatusCodes.Status200OK, "ready")));
    }

    [Test]
    public async Task GetCertificate_WhenAHostServesHttps_ReturnsThePemOfItsCertificate()
    {
        using var certificate = EmulatorCertificate.Create(["localhost"]);
        var services = new ServiceCollection().AddSingleton(new EmulatorCertificateProvider(certificate));

        var (status, contentType, body) = await GetAsync(services, "/_s3emulator/certificate");

        using var served = X509Certificate2.CreateFromPem(body);
        Assert.That(status, Is.EqualTo(StatusCodes.Status200OK));
        Assert.That(contentType, Is.EqualTo("application/x-pem-file"));
        Assert.That(served.RawData, Is.EqualTo(certificate.RawData));
        Assert.That(body, Does.Not.Contain("PRIVATE KEY"));
    }

    [Test]
    public async Task GetCertificate_WhenNoCertificateIsInUse_Returns404()
    {
        var (status, _, _) = await GetAsync(new ServiceCollection(), "/_s3emulator/certificate");

        Assert.That(status, Is.EqualTo(StatusCodes.Status404NotFound));
    }

    private static async Task<(int Status, string? ContentType, string Body)> GetAsync(
        IServiceCollection services, string target, HostLifetime? lifetime = null)
    {
        await using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = target;
        context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget = target;
        using var body = new MemoryStream();
        context.Response.Body = body;
        var admin = new AdminService(new RequestJournal(1), Functions.FunctionTestKit.Endpoint(), lifetime ?? HostLifetime.Started());

        await admin.ServeAsync(new ServiceExchange(context, ServiceKind.Admin, target, admin.NewRequestId()));

        return (context.Response.StatusCode, context.Response.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    private sealed class HostLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();

        public static HostLifetime Started()
        {
            var lifetime = new HostLifetime();
            lifetime.Start();
            return lifetime;
        }

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }
    }
}
