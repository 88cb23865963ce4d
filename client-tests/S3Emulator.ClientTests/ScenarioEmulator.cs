using System.Security.Cryptography.X509Certificates;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests;

/// <summary>
/// The emulator a scenario fixture talks to (<see cref="EmulatorTestBase.Emulator"/>): an <see cref="S3EmulatorServer"/>
/// in the test process, or a container the Testcontainers module started. It offers the members the scenarios call on
/// either, with the same names, so that a fixture runs unchanged in every <see cref="Transport"/>. What only exists in the
/// test process (the host-redirect proxy, the server object itself for helpers that need it)
/// ignores the calling test in container mode (<see cref="ContainerScenarios.NotObservable"/>) rather than letting it
/// pass without checking.
/// </summary>
public sealed class ScenarioEmulator : IAsyncDisposable
{
    private readonly S3EmulatorServer? _server;
    private readonly S3EmulatorContainer? _container;

    private ScenarioEmulator(S3EmulatorServer? server, S3EmulatorContainer? container)
    {
        _server = server;
        _container = container;
    }

    public static ScenarioEmulator InProcess(S3EmulatorServer server) => new(server, null);

    public static ScenarioEmulator InContainer(S3EmulatorContainer container) => new(null, container);

    /// <summary>The in-process server, for helpers written against it; in container mode the test is ignored.</summary>
    public static implicit operator S3EmulatorServer(ScenarioEmulator emulator) =>
        emulator._server ?? throw ContainerScenarios.NotObservable("the in-process emulator object");

    public static implicit operator ScenarioEmulator(S3EmulatorServer server) => InProcess(server);

    /// <summary>The emulator's settings, as configured at start (in a container: as the module was given them).</summary>
    public S3EmulatorOptions Options => _server?.Options ?? _container!.Options;

    /// <summary>The request journal: in a container, a snapshot read over its admin endpoint at each access.</summary>
    public RequestJournal Journal => _server?.Journal ?? ContainerJournal.Read(_container!);

    /// <summary>The endpoint clients use.</summary>
    public Uri ServiceUrl => _server?.ServiceUrl ?? _container!.GetServiceUrl();

    /// <summary>The plain-HTTP endpoint; null in-process.</summary>
    public Uri? HttpUrl => _container?.GetServiceUrl() ?? _server!.HttpUrl;

    /// <summary>The HTTPS endpoint; null in-process.</summary>
    public Uri? HttpsUrl => _container?.GetHttpsUrl() ?? _server!.HttpsUrl;

    /// <summary>The TLS certificate the emulator serves; null in-process.</summary>
    public X509Certificate2? Certificate => _container?.Certificate ?? _server!.Certificate;

    public AWSCredentials DefaultCredentials => _server?.DefaultCredentials ?? _container!.DefaultCredentials;

    public AmazonS3Client CreateS3Client(Action<AmazonS3Config>? configure = null) =>
        _server?.CreateS3Client(configure) ?? _container!.CreateS3Client(configure);

    public AmazonS3Client CreateS3Client(AWSCredentials credentials, Action<AmazonS3Config>? configure = null) =>
        _server?.CreateS3Client(credentials, configure) ?? _container!.CreateS3Client(credentials, configure);

    public AmazonKeyManagementServiceClient CreateKmsClient(Action<AmazonKeyManagementServiceConfig>? configure = null) =>
        _server?.CreateKmsClient(configure) ?? _container!.CreateKmsClient(configure);

    public AmazonKeyManagementServiceClient CreateKmsClient(AWSCredentials credentials, Action<AmazonKeyManagementServiceConfig>? configure = null) =>
        _server?.CreateKmsClient(credentials, configure) ?? _container!.CreateKmsClient(credentials, configure);

    public AmazonSecurityTokenServiceClient CreateStsClient(Action<AmazonSecurityTokenServiceConfig>? configure = null) =>
        _server?.CreateStsClient(configure) ?? _container!.CreateStsClient(configure);

    public AmazonSecurityTokenServiceClient CreateStsClient(AWSCredentials credentials, Action<AmazonSecurityTokenServiceConfig>? configure = null) =>
        _server?.CreateStsClient(credentials, configure) ?? _container!.CreateStsClient(credentials, configure);

    /// <summary>A plain HttpClient to <see cref="ServiceUrl"/>, reaching every host name the SDKs build.</summary>
    public HttpClient CreateHttpClient()
    {
        if (_server is not null) return _server.CreateHttpClient();
        // The module's client addresses its preferred endpoint; the scenarios' ServiceUrl is the HTTP one.
        return new HttpClient(_container!.CreateHandler()) { BaseAddress = ServiceUrl };
    }

    /// <summary>The loopback server's host-redirect proxy; a container publishes no such proxy.</summary>
    public HostRedirectProxy StartHostRedirectProxy() =>
        (_server ?? throw ContainerScenarios.NotObservable("the host-redirect proxy")).StartHostRedirectProxy();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }
}
