using System.Net;
using System.Net.Sockets;
using System.Text;

namespace S3Emulator.Host.Tests;

public sealed class StartupBannerTests
{
    private const string DefaultAccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string DefaultSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private string _data = "";

    [SetUp]
    public void CreateDataFolder() => _data = Directory.CreateTempSubdirectory("s3emulator-host-").FullName;

    [TearDown]
    public void DeleteDataFolder() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task Banner_NamesTheLocalhostUrls_TheAccessKey_TheDataFolder_AndTheHealthAndJournalUrls()
    {
        var http = HostProcess.FreePort();
        var https = HostProcess.FreePort();
        await using var host = HostProcess.Start(["--http-port", http.ToString(), "--https-port", https.ToString(), "--data", _data]);
        await host.WaitForLineAsync(line => line.Contains(Banner.Ready, StringComparison.Ordinal));
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));
        var output = host.Output;

        Assert.That(Banner.Value(output, "endpoints"), Is.EqualTo($"http://localhost:{http}, https://localhost:{https}"));
        Assert.That(output, Does.Not.Contain("[::]").And.Not.Contain("0.0.0.0"));
        Assert.That(Banner.Value(output, "access key"), Does.StartWith(DefaultAccessKey).And.Contain(DefaultSecret));
        Assert.That(Banner.Value(output, "data"), Does.Contain(Path.GetFullPath(_data)));
        Assert.That(Banner.Value(output, "health"), Is.EqualTo($"http://localhost:{http}/_s3emulator/health"));
        Assert.That(Banner.Value(output, "journal"), Is.EqualTo($"http://localhost:{http}/_s3emulator/journal"));
        Assert.That(Banner.TrustedPemPath(output), Is.EqualTo(Path.Combine(Path.GetFullPath(_data), "s3emulator-cert.pem")));
        using var client = new HttpClient();
        Assert.That(await client.GetStringAsync(Banner.Value(output, "health")), Is.EqualTo("ready"));
    }

    [Test]
    public async Task Banner_ShowsTheAccessKeyButNotTheSecret_WhenTheCredentialsAreNotTheDocumentedDefault()
    {
        const string secret = "a-secret-of-our-own-that-must-stay-unprinted";
        await using var host = await HostProcess.StartReadyAsync(environment: new Dictionary<string, string?>
        {
            ["S3Emulator__Credentials__0__AccessKeyId"] = "AKIAOWNKEY0000000000",
            ["S3Emulator__Credentials__0__SecretAccessKey"] = secret,
        });
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));

        Assert.That(Banner.Value(host.Output, "access key"), Does.StartWith("AKIAOWNKEY0000000000"));
        Assert.That(host.Output, Does.Not.Contain(secret));
    }

    [Test]
    public async Task Banner_WithoutHttp_NamesTheHttpsUrlsOnly()
    {
        var https = HostProcess.FreePort();
        await using var host = HostProcess.Start(["--http-port", "0", "--https-port", https.ToString(), "--data", _data]);
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));

        Assert.That(Banner.Value(host.Output, "endpoints"), Is.EqualTo($"https://localhost:{https}"));
        Assert.That(Banner.Value(host.Output, "health"), Is.EqualTo($"https://localhost:{https}/_s3emulator/health"));
    }

    [Test]
    public async Task Help_PrintsTheOptions_AndExitsWithZero()
    {
        await using var host = HostProcess.Start(["--help"]);

        var exitCode = await host.WaitForExitAsync();

        Assert.That(exitCode, Is.EqualTo(0), host.Output);
        Assert.That(host.Output, Does.Contain("--data").And.Contain("--http-port").And.Contain("--https-port").And.Contain("--help"));
        Assert.That(host.Output, Does.Not.Contain(Banner.Ready));
    }

    [Test]
    public async Task KestrelsOwnRefusal_DoesNotNameAnotherServer()
    {
        await using var host = await HostProcess.StartReadyAsync(["--data", _data]);
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));
        var url = Banner.HttpUrl(host.Output);

        // A header line without a colon: Kestrel answers 400 itself, before any middleware runs.
        var answer = await SendRawAsync(url.Port, "GET / HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n");

        Assert.That(answer, Does.StartWith("HTTP/1.1 400"));
        Assert.That(answer, Does.Not.Contain("Server: Kestrel"));
    }

    private static async Task<string> SendRawAsync(int port, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(HostProcess.Patience);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
