using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Server.Tests.Hosting;

/// <summary>Extra names (<c>S3Emulator:CertificateNames</c>): named exactly, and part of what identifies a kept certificate.</summary>
public sealed class CertificateExtraNameTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolderName() =>
        _folder = Path.Combine(Path.GetTempPath(), "s3emulator-cert-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public void DnsNamesFor_AddsExtraNamesExactly_WithoutWildcardsOrAddresses()
    {
        var names = EmulatorCertificate.DnsNamesFor(["localhost"], ["photos"], ["Host.Docker.Internal.", "s3emulator", "172.17.0.2", "localhost", " "]);

        Assert.That(names, Is.EqualTo(new[] { "localhost", "*.localhost", "photos.localhost", "host.docker.internal", "s3emulator" }));
    }

    [Test]
    public void LoadOrCreateShared_WithExtraNames_KeepsItsOwnFile()
    {
        var plain = EmulatorCertificate.LoadOrCreateShared(_folder, ["localhost"]);
        var extra = EmulatorCertificate.LoadOrCreateShared(_folder, ["localhost"], extraNames: ["host.docker.internal"]);

        Assert.That(extra.PemPath, Is.Not.EqualTo(plain.PemPath));
        Assert.That(extra.Certificate.Thumbprint, Is.Not.EqualTo(plain.Certificate.Thumbprint));
    }

    [Test]
    public void LoadOrCreate_InADataFolder_ReplacesTheCertificateWhenTheExtraNamesChange()
    {
        using var first = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"], extraNames: ["first.test"]);
        using var again = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"], extraNames: ["first.test"]);
        using var second = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"], extraNames: ["second.test"]);

        Assert.That(again.Thumbprint, Is.EqualTo(first.Thumbprint));
        Assert.That(second.Thumbprint, Is.Not.EqualTo(first.Thumbprint));
    }
}
