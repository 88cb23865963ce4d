using System.Diagnostics;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.CrossClient;

/// <summary>
/// Runs another S3 client (the AWS CLI, a boto3 script) as a process against a loopback emulator,
/// with the emulator's credentials in its environment and, over HTTPS, its certificate as the CA bundle.
/// Given a <see cref="HostRedirectProxy"/>, the client goes through it (<c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c>), so
/// every host it builds reaches the emulator, and trusts the emulator's certificate whatever the transport: the
/// SDKs' default endpoints are HTTPS.
/// </summary>
internal sealed class ExternalClient : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly string _folder = Directory.CreateTempSubdirectory("s3emulator-client-").FullName;
    private readonly HostRedirectProxy? _proxy;

    public ExternalClient(S3EmulatorServer emulator, HostRedirectProxy? proxy = null)
    {
        _proxy = proxy;
        Endpoint = emulator.ServiceUrl.ToString().TrimEnd('/');
        if (emulator.ServiceUrl.Scheme == Uri.UriSchemeHttps || proxy is not null)
        {
            CaBundle = Path.Combine(_folder, "ca.pem");
            File.WriteAllText(CaBundle, emulator.Certificate!.ExportCertificatePem());
        }
    }

    public string Endpoint { get; }

    /// <summary>The emulator's certificate as a PEM file, over HTTPS; null over HTTP.</summary>
    public string? CaBundle { get; }

    /// <summary>A scratch folder deleted with this client.</summary>
    public string Folder => _folder;

    /// <summary>Whether <paramref name="program"/> can be started here; tests are ignored where it cannot.</summary>
    public static async Task<bool> IsAvailableAsync(string program, params string[] arguments)
    {
        try
        {
            return (await RunAsync(program, arguments, _ => { })).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(string program, params string[] arguments) =>
        RunWithAsync(new Dictionary<string, string>(), program, arguments);

    /// <summary>
    /// Like <see cref="RunAsync(string, string[])"/>, with <paramref name="overrides"/> set last in the environment: e.g.
    /// an assumed role's <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>.
    /// </summary>
    public Task<(int ExitCode, string Output, string Error)> RunWithAsync(
        IReadOnlyDictionary<string, string> overrides, string program, params string[] arguments) =>
        RunAsync(program, arguments, environment =>
        {
            environment["AWS_ACCESS_KEY_ID"] = S3CredentialOptions.DefaultAccessKeyId;
            environment["AWS_SECRET_ACCESS_KEY"] = S3CredentialOptions.DefaultSecretAccessKey;
            environment["AWS_DEFAULT_REGION"] = "us-east-1";
            // Nothing from the machine's own AWS configuration may leak into the run.
            environment["AWS_CONFIG_FILE"] = Path.Combine(_folder, "no-config");
            environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_folder, "no-credentials");
            if (CaBundle is not null)
            {
                environment["AWS_CA_BUNDLE"] = CaBundle;
                environment["NODE_EXTRA_CA_CERTS"] = CaBundle;
            }
            foreach (var (name, value) in _proxy?.Environment ?? new Dictionary<string, string>())
            {
                environment[name] = value;
            }
            foreach (var (name, value) in overrides)
            {
                environment[name] = value;
            }
        });

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string program, string[] arguments, Action<IDictionary<string, string?>> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        environment(start.Environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, $"timed out after {Limit}\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
