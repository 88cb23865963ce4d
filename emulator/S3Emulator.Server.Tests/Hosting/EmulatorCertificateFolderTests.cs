using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Server.Tests.Hosting;

public sealed class EmulatorCertificateFolderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private string _folder = "";

    private string PfxPath => Path.Combine(_folder, EmulatorCertificate.PfxFileName);

    private string PemPath => Path.Combine(_folder, EmulatorCertificate.PemFileName);

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
    public void LoadOrCreate_InAMissingFolder_WritesThePfxAndItsPem()
    {
        using var certificate = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"]);

        using var fromPem = X509Certificate2.CreateFromPem(File.ReadAllText(PemPath));
        using var fromPfx = X509CertificateLoader.LoadPkcs12FromFile(PfxPath, password: null);
        Assert.That(fromPem.RawData, Is.EqualTo(certificate.RawData));
        Assert.That(fromPfx.RawData, Is.EqualTo(certificate.RawData));
        Assert.That(fromPfx.HasPrivateKey, Is.True);
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { EmulatorCertificate.PfxFileName, EmulatorCertificate.PemFileName }));
    }

    [Test]
    public void LoadOrCreate_SecondCall_ReusesTheSameCertificate()
    {
        using var first = EmulatorCertificate.LoadOrCreate(_folder, ["localhost", "s3.test"], ["photos"]);
        var pem = File.ReadAllText(PemPath);

        using var second = EmulatorCertificate.LoadOrCreate(_folder, ["s3.test", "localhost"], ["photos"]);

        Assert.That(second.Thumbprint, Is.EqualTo(first.Thumbprint));
        Assert.That(second.HasPrivateKey, Is.True);
        Assert.That(File.ReadAllText(PemPath), Is.EqualTo(pem));
    }

    [Test]
    public void LoadOrCreate_WhenBaseDomainsChange_CreatesANewCertificateForTheNewNames()
    {
        using var first = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"]);

        using var second = EmulatorCertificate.LoadOrCreate(_folder, ["localhost", "s3.test"]);

        Assert.That(second.Thumbprint, Is.Not.EqualTo(first.Thumbprint));
        Assert.That(second.MatchesHostname("bucket.s3.test"), Is.True);
        using var fromPem = X509Certificate2.CreateFromPem(File.ReadAllText(PemPath));
        Assert.That(fromPem.Thumbprint, Is.EqualTo(second.Thumbprint));
    }

    [Test]
    public void LoadOrCreate_WhenABaseDomainIsDropped_CreatesANewCertificate()
    {
        using var first = EmulatorCertificate.LoadOrCreate(_folder, ["localhost", "s3.test"]);

        using var second = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"]);

        Assert.That(second.Thumbprint, Is.Not.EqualTo(first.Thumbprint));
        Assert.That(second.MatchesHostname("bucket.s3.test"), Is.False);
    }

    [Test]
    public void LoadOrCreate_WhenTheCertificateNearsItsEnd_CreatesANewOne()
    {
        var clock = new FixedTimeProvider(Now);
        using var first = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"], timeProvider: clock);

        clock.Now = Now.AddDays(729 - 29);
        using var second = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"], timeProvider: clock);

        Assert.That(second.Thumbprint, Is.Not.EqualTo(first.Thumbprint));
        Assert.That(second.NotAfter.ToUniversalTime(), Is.EqualTo(clock.Now.UtcDateTime.AddDays(729)));
    }

    [Test]
    public void LoadOrCreate_WithAMonthToGo_StillReusesTheCertificate()
    {
        var clock = new FixedTimeProvider(Now);
        using var first = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"], timeProvider: clock);

        clock.Now = Now.AddDays(729 - 31);
        using var second = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"], timeProvider: clock);

        Assert.That(second.Thumbprint, Is.EqualTo(first.Thumbprint));
    }

    [Test]
    public void LoadOrCreate_WritesThePfxReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }

        using var certificate = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"]);

        Assert.That(File.GetUnixFileMode(PfxPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(PemPath) & UnixFileMode.OtherRead, Is.EqualTo(UnixFileMode.OtherRead));
    }

    [Test]
    public void LoadOrCreate_WhenThePemIsMissing_WritesItForTheSameCertificate()
    {
        using var first = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"]);
        File.Delete(PemPath);

        using var second = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"]);

        using var fromPem = X509Certificate2.CreateFromPem(File.ReadAllText(PemPath));
        Assert.That(second.Thumbprint, Is.EqualTo(first.Thumbprint));
        Assert.That(fromPem.Thumbprint, Is.EqualTo(first.Thumbprint));
    }

    [Test]
    public void LoadOrCreate_WhenThePfxIsDamaged_ReplacesIt()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(PfxPath, "not a pfx");

        using var certificate = EmulatorCertificate.LoadOrCreate(_folder, ["localhost"]);

        Assert.That(certificate.HasPrivateKey, Is.True);
        using var fromPfx = X509CertificateLoader.LoadPkcs12FromFile(PfxPath, password: null);
        Assert.That(fromPfx.Thumbprint, Is.EqualTo(certificate.Thumbprint));
    }

    [Test]
    public void LoadPfx_LoadsAUserSuppliedFileWithItsPassword()
    {
        Directory.CreateDirectory(_folder);
        using var original = EmulatorCertificate.Create(["localhost"]);
        var path = Path.Combine(_folder, "user.pfx");
        File.WriteAllBytes(path, original.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "secret"));

        using var loaded = EmulatorCertificate.LoadPfx(path, "secret");

        Assert.That(loaded.Thumbprint, Is.EqualTo(original.Thumbprint));
        Assert.That(loaded.HasPrivateKey, Is.True);
        Assert.That(() => EmulatorCertificate.LoadPfx(path, "wrong"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void LoadPfx_WithoutAPrivateKey_Throws()
    {
        Directory.CreateDirectory(_folder);
        using var original = EmulatorCertificate.Create(["localhost"]);
        using var publicOnly = X509CertificateLoader.LoadCertificate(original.RawData);
        var path = Path.Combine(_folder, "public.pfx");
        File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12));

        Assert.That(() => EmulatorCertificate.LoadPfx(path, null), Throws.InvalidOperationException);
    }
}
