using System.Security.Cryptography.X509Certificates;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Server.Tests.Hosting;

/// <summary>The per-user folder that every emulator started without a data folder shares.</summary>
public sealed class SharedCertificateFolderTests
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
    public void LoadOrCreateShared_ForTheDefaultNames_KeepsTheFileTheReadmeNames()
    {
        var kept = EmulatorCertificate.LoadOrCreateShared(_folder, ["localhost"]);

        Assert.That(kept.PemPath, Is.EqualTo(Path.GetFullPath(Path.Combine(_folder, EmulatorCertificate.PemFileName))));
        Assert.That(File.ReadAllText(kept.PemPath!), Is.EqualTo(kept.Pem));
    }

    [Test]
    public void LoadOrCreateShared_ForOtherNames_WritesBesideTheFirstCertificateNeverOverIt()
    {
        var first = EmulatorCertificate.LoadOrCreateShared(_folder, ["localhost"], ["alpha"]);

        var second = EmulatorCertificate.LoadOrCreateShared(_folder, ["localhost"], ["beta"]);

        Assert.That(second.PemPath, Is.Not.EqualTo(first.PemPath));
        Assert.That(File.ReadAllText(first.PemPath!), Is.EqualTo(first.Pem), "the first emulator's file still holds what it serves");
        Assert.That(File.ReadAllText(second.PemPath!), Is.EqualTo(second.Pem));
        Assert.That(second.Certificate.MatchesHostname("beta.localhost"), Is.True);
        Assert.That(first.Certificate.MatchesHostname("alpha.localhost"), Is.True);
    }

    [Test]
    public void LoadOrCreateShared_ForTheSameNamesInAnyOrder_SharesOneCertificate()
    {
        var first = EmulatorCertificate.LoadOrCreateShared(_folder, ["localhost", "s3.test"], ["alpha", "beta"]);

        var second = EmulatorCertificate.LoadOrCreateShared(_folder, ["S3.test.", "localhost"], ["beta", "alpha"]);

        Assert.That(second.PemPath, Is.EqualTo(first.PemPath));
        Assert.That(second.Certificate.Thumbprint, Is.EqualTo(first.Certificate.Thumbprint));
    }

    [Test]
    public void LoadOrCreateShared_WhenAnotherEmulatorCreatedTheFileMeanwhile_ServesThatOne()
    {
        // Many emulators starting at once: each one that finds no file creates one, and only the first is kept.
        var kept = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => EmulatorCertificate.LoadOrCreateShared(_folder, ["localhost"], ["racing"]))
            .ToList();

        using var onDisk = X509Certificate2.CreateFromPem(File.ReadAllText(kept[0].PemPath!));
        Assert.That(kept.Select(k => k.Certificate.Thumbprint).Distinct(), Is.EquivalentTo(new[] { onDisk.Thumbprint }));
    }
}
