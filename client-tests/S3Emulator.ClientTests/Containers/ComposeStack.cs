using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// The repository's docker-compose.yml brought up as a developer brings it up, under a project of its own
/// (<c>s3emulator-test-…</c>: its container, network and volume carry that prefix) on free host ports, with the
/// example transforms of this test run as its plug-in folder. Disposing it runs <c>down -v</c>.
/// </summary>
internal sealed class ComposeStack : IAsyncDisposable
{
    public const string RootAccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string RootSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private readonly IReadOnlyList<string> _compose;
    private readonly string _composeFile;
    private readonly string _functions;
    private readonly List<IDisposable> _owned = [];

    private ComposeStack(IReadOnlyList<string> compose, string composeFile, string functions, int httpPort, int httpsPort)
    {
        _compose = compose;
        _composeFile = composeFile;
        _functions = functions;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        Project = $"s3emulator-test-{Guid.NewGuid():N}"[..28];
    }

    /// <summary>The compose project name: a prefix CI can clean up by, and a suffix no other run shares.</summary>
    public string Project { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    /// <summary>The certificate the stack serves HTTPS with, as its certificate endpoint gave it after the last <see cref="UpAsync"/>.</summary>
    public X509Certificate2 Certificate { get; private set; } = null!;

    public static async Task<ComposeStack> CreateAsync()
    {
        var compose = await ComposeDockerRequirement.ComposeCommandAsync();
        var root = RepositoryRoot();
        var composeFile = Path.Combine(root, "docker-compose.yml");
        // docker-compose 1.29 refuses every command but `up` when the service's build context is missing, even with an
        // image at hand (built by build-image.sh from another checkout, say); these tests never build, so an empty one does.
        Directory.CreateDirectory(Path.Combine(root, "artifacts", "s3emulator-image"));
        var (http, https) = (FreePort(), FreePort());
        return new ComposeStack(compose, composeFile, PublishExampleTransforms(), http, https);
    }

    /// <summary><c>up -d</c> (never building: the image is the one build-image.sh made), then waits until the emulator answers ready.</summary>
    public async Task UpAsync()
    {
        await ComposeAsync(["up", "-d", "--no-build"], TimeSpan.FromMinutes(2));
        await WaitUntilReadyAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{HttpPort}") };
        Certificate = X509Certificate2.CreateFromPem(await http.GetStringAsync("/_s3emulator/certificate"));
    }

    /// <summary><c>down</c>: the container and network go; the named data volume stays unless <paramref name="volumes"/>.</summary>
    public Task DownAsync(bool volumes = false) =>
        ComposeAsync(volumes ? ["down", "-v", "--remove-orphans"] : ["down"], TimeSpan.FromMinutes(2));

    /// <summary>SIGKILL to the emulator's container: no shutdown, no flush, as a crash or a pulled plug leaves it.</summary>
    public async Task KillAsync()
    {
        var id = (await ComposeAsync(["ps", "-q", "s3emulator"], TimeSpan.FromSeconds(30))).Trim();
        await ComposeProcess.RunCheckedAsync("docker", ["kill", "--signal", "KILL", id], timeout: TimeSpan.FromSeconds(30));
    }

    /// <summary>The Docker health status of the service's container (<c>starting</c>, <c>healthy</c>, <c>unhealthy</c>).</summary>
    public async Task<string> HealthAsync()
    {
        var id = (await ComposeAsync(["ps", "-q", "s3emulator"], TimeSpan.FromSeconds(30))).Trim();
        return (await ComposeProcess.RunCheckedAsync("docker", ["inspect", "--format", "{{.State.Health.Status}}", id])).Trim();
    }

    /// <summary>The named volumes of this project, as <c>docker volume ls</c> lists them.</summary>
    public async Task<IReadOnlyList<string>> VolumesAsync()
    {
        var listed = await ComposeProcess.RunCheckedAsync("docker", ["volume", "ls", "--quiet", "--filter", $"label=com.docker.compose.project={Project}"]);
        return listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>An S3 client over HTTPS to the stack, signing as the seed's root user unless other credentials are given.</summary>
    public AmazonS3Client CreateS3Client(AWSCredentials? credentials = null, Action<AmazonS3Config>? configure = null)
    {
        var config = new AmazonS3Config { ForcePathStyle = true };
        ToStack(config);
        configure?.Invoke(config);
        return new AmazonS3Client(credentials ?? new BasicAWSCredentials(RootAccessKey, RootSecretKey), config);
    }

    /// <summary>A KMS client for the stack's mock KMS (same endpoint), signing as the seed's root user.</summary>
    public AmazonKeyManagementServiceClient CreateKmsClient() =>
        new(new BasicAWSCredentials(RootAccessKey, RootSecretKey), ToStack(new AmazonKeyManagementServiceConfig()));

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned) owned.Dispose();
        try
        {
            await DownAsync(volumes: true);
        }
        finally
        {
            Directory.Delete(_functions, recursive: true);
        }
    }

    private TConfig ToStack<TConfig>(TConfig config) where TConfig : ClientConfig
    {
        // Every SDK-built host name reaches the published ports on loopback; TLS trusts exactly the stack's certificate.
        var factory = new EmulatorHttpClientFactory(() => LoopbackHandler.Create(Certificate, new EmulatorPorts(HttpPort, HttpsPort)));
        _owned.Add(factory);
        config.ServiceURL = $"https://localhost:{HttpsPort}";
        config.AuthenticationRegion = "us-east-1";
        config.HttpClientFactory = factory;
        // A retry would hide what the first request met (a killed container, a refused write).
        config.MaxErrorRetry = 0;
        return config;
    }

    private Task<string> ComposeAsync(IReadOnlyList<string> arguments, TimeSpan timeout) =>
        ComposeProcess.RunCheckedAsync(
            _compose[0],
            [.. _compose.Skip(1), "--file", _composeFile, "--project-name", Project, .. arguments],
            new Dictionary<string, string>
            {
                ["S3EMULATOR_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["S3EMULATOR_HTTPS_PORT"] = HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["S3EMULATOR_FUNCTIONS"] = _functions,
                ["S3EMULATOR_IMAGE"] = ComposeDockerRequirement.Image,
            },
            timeout);

    // Both ports: the HTTP port answers ready a moment before the HTTPS port completes a handshake (measured: the first
    // HTTPS request right after HTTP's "ready" can meet a closed connection). The certificate is not known yet here, so
    // this one probe accepts any; every client afterwards pins the one the stack serves.
    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var https = new HttpClient(
            new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } })
        { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if (await ReadyAsync(http, $"http://localhost:{HttpPort}") && await ReadyAsync(https, $"https://localhost:{HttpsPort}")) return;
                last = "not ready";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(100);
        }
        var logs = await ComposeProcess.RunAsync(_compose[0], [.. _compose.Skip(1), "--file", _composeFile, "--project-name", Project, "logs", "--no-color"]);
        throw new InvalidOperationException($"The compose stack {Project} did not answer ready within 60 s ({last}). Its log:\n{logs.StandardOutput}");
    }

    private static async Task<bool> ReadyAsync(HttpClient client, string baseUrl)
    {
        using var answer = await client.GetAsync($"{baseUrl}/_s3emulator/health");
        return answer.StatusCode == HttpStatusCode.OK && (await answer.Content.ReadAsStringAsync()).Contains("ready", StringComparison.Ordinal);
    }

    // The example transforms this test project was built with, as a plug-in folder of one plug-in (the emulator brings
    // S3Emulator.Transforms and the AWS SDK itself). Readable by the container's non-root user.
    private static string PublishExampleTransforms()
    {
        var root = Path.Combine(Path.GetTempPath(), $"s3emulator-test-functions-{Guid.NewGuid():N}");
        var plugIn = Path.Combine(root, "example-transforms");
        Directory.CreateDirectory(plugIn);
        const string assembly = "S3Emulator.ExampleTransforms.dll";
        File.Copy(Path.Combine(AppContext.BaseDirectory, assembly), Path.Combine(plugIn, assembly));
        if (OperatingSystem.IsWindows()) return root;
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var listable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(Path.Combine(plugIn, assembly), readable);
        File.SetUnixFileMode(plugIn, listable);
        File.SetUnixFileMode(root, listable);
        return root;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "docker-compose.yml")) && File.Exists(Path.Combine(folder, "Emulator.sln"))) return folder;
        }
        throw new InvalidOperationException($"No docker-compose.yml beside Emulator.sln above {AppContext.BaseDirectory}.");
    }
}
