using System.Security.Cryptography.X509Certificates;

namespace S3Emulator.Host.Tests;

/// <summary>
/// The names the host's certificate carries besides localhost: <c>S3Emulator:CertificateNames</c>, and in a container
/// (<c>DOTNET_RUNNING_IN_CONTAINER=true</c>, as the image sets) <c>host.docker.internal</c> and the host name.
/// </summary>
public sealed class CertificateNameTests
{
    private string _data = "";

    [SetUp]
    public void CreateDataFolder() => _data = Directory.CreateTempSubdirectory("s3emulator-data-").FullName;

    [TearDown]
    public void DeleteDataFolder() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task ConfiguredCertificateNames_AreNamedByTheServedCertificate()
    {
        var names = await ServedNamesAsync(new() { ["S3Emulator__CertificateNames__0"] = "S3Emulator.Test", ["S3Emulator__CertificateNames__1"] = "other.test" });

        Assert.That(names, Is.EquivalentTo(new[] { "localhost", "*.localhost", "s3emulator.test", "other.test" }));
    }

    [Test]
    public async Task InAContainer_TheCertificateAlsoNamesHostDockerInternal_AndTheHostName()
    {
        var names = await ServedNamesAsync(new() { ["DOTNET_RUNNING_IN_CONTAINER"] = "true" });

        Assert.That(names, Is.EquivalentTo(new[] { "localhost", "*.localhost", "host.docker.internal", Environment.MachineName.ToLowerInvariant() }));
    }

    [Test]
    public async Task OutsideAContainer_TheCertificateNamesOnlyLocalhost()
    {
        var names = await ServedNamesAsync(new() { ["DOTNET_RUNNING_IN_CONTAINER"] = null });

        Assert.That(names, Is.EquivalentTo(new[] { "localhost", "*.localhost" }));
    }

    [Test]
    public async Task AChangedNameList_GivesANewCertificateInTheSameDataFolder()
    {
        var first = await ServedNamesAsync(new() { ["S3Emulator__CertificateNames__0"] = "first.test" });
        var second = await ServedNamesAsync(new() { ["S3Emulator__CertificateNames__0"] = "second.test" });

        Assert.That(first, Does.Contain("first.test"));
        Assert.That(second, Does.Contain("second.test").And.Not.Contain("first.test"));
    }

    private async Task<IReadOnlyList<string>> ServedNamesAsync(Dictionary<string, string?> environment)
    {
        environment.TryAdd("DOTNET_RUNNING_IN_CONTAINER", null);
        await using var host = await HostProcess.StartReadyAsync(["--data", _data], environment);
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = Banner.HttpUrl(host.Output) };
        using var certificate = X509Certificate2.CreateFromPem(await client.GetStringAsync("/_s3emulator/certificate"));
        return certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToList();
    }
}
