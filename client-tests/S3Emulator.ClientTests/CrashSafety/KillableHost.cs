using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Amazon.Runtime;
using Amazon.S3;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>
/// The built S3Emulator.Host started as a user starts it (<c>dotnet S3Emulator.Host.dll --data …</c>) on two free
/// ports, and killed with SIGKILL: no shutdown, no flush, no finally block runs, as a crash or the OOM killer leaves it.
/// </summary>
/// <remarks>
/// <c>dotnet app.dll</c> runs the application inside the very process it starts (the muxer loads the runtime in-process),
/// so killing that process kills the host; <see cref="KillAsync"/> checks that nothing answers on its port afterwards.
/// </remarks>
internal sealed class KillableHost : IAsyncDisposable
{
    public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<IDisposable> _owned = [];

    private KillableHost(Process process, EmulatorPorts ports)
    {
        _process = process;
        Ports = ports;
    }

    /// <summary>Where the test project's build recorded the host's S3Emulator.Host.dll (see the csproj).</summary>
    public static string HostAssembly { get; } = typeof(KillableHost).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "S3EmulatorHostAssembly").Value!;

    public EmulatorPorts Ports { get; }

    /// <summary>The certificate the host serves HTTPS with (kept in its data folder, so the same across restarts).</summary>
    public X509Certificate2 Certificate { get; private set; } = null!;

    /// <summary>The host's last lines of output, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the host on <paramref name="dataDirectory"/> with <paramref name="home"/> as its HOME, and waits until it answers ready.</summary>
    public static async Task<KillableHost> StartAsync(string dataDirectory, string home)
    {
        var ports = new EmulatorPorts(FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        foreach (var argument in new[]
                 {
                     HostAssembly, "--data", dataDirectory,
                     "--http-port", ports.Http.ToString(CultureInfo.InvariantCulture),
                     "--https-port", ports.Https.ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "";
        start.Environment["HOME"] = home;
        start.Environment["S3Emulator__RequestLog"] = "false";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new KillableHost(process, ports);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>
    /// An S3 client that signs as the default user and never retries (a retry would hide what the first request met).
    /// Over HTTPS it trusts exactly this host's certificate.
    /// </summary>
    public AmazonS3Client CreateS3Client(bool https = false)
    {
        var factory = new EmulatorHttpClientFactory(() => LoopbackHandler.Create(Certificate, Ports));
        lock (_owned) _owned.Add(factory);
        var config = new AmazonS3Config
        {
            ServiceURL = https ? $"https://localhost:{Ports.Https}" : $"http://localhost:{Ports.Http}",
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = factory,
            MaxErrorRetry = 0,
        };
        return new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), config);
    }

    /// <summary>SIGKILL to the host process; returns once it is gone and its port refuses connections.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync().WaitAsync(Patience);
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Ports.Http));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return;
        }
        throw new InvalidOperationException($"Port {Ports.Http} still answers after the host process {_process.Id} was killed: some other process serves it.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Only the one process this object started.
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_owned)
        {
            foreach (var owned in _owned) owned.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Ports.Http}"), Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was ready. It printed:\n{Output}");
            }
            try
            {
                using var health = await http.GetAsync("/_s3emulator/health");
                if (health.StatusCode == HttpStatusCode.OK && (await health.Content.ReadAsStringAsync()).Contains("ready", StringComparison.Ordinal))
                {
                    Certificate = X509Certificate2.CreateFromPem(await http.GetStringAsync("/_s3emulator/certificate"));
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (waited.Elapsed > Patience)
            {
                throw new InvalidOperationException($"The host was not ready within {Patience}. It printed:\n{Output}");
            }
            await Task.Delay(50);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
