using System.Net;
using System.Security.Cryptography.X509Certificates;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Server.Tests.Hosting;

public sealed class EmulatorCertificateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_CoversLocalhostAndLocalhostSubdomains()
    {
        using var certificate = EmulatorCertificate.Create([]);

        // Only the names: whether *.localhost matches bucket.localhost depends on the client (OpenSSL says no).
        Assert.That(DnsNames(certificate), Is.EqualTo(new[] { "localhost", "*.localhost" }));
    }

    [Test]
    public void Create_CoversEachBaseDomainAndItsSubdomains()
    {
        using var certificate = EmulatorCertificate.Create(["s3.localhost", "emulator.internal"]);

        Assert.That(DnsNames(certificate), Is.EquivalentTo(new[]
        {
            "localhost", "*.localhost", "s3.localhost", "*.s3.localhost", "emulator.internal", "*.emulator.internal",
        }));
        Assert.That(certificate.MatchesHostname("my-bucket.s3.localhost"), Is.True);
        Assert.That(certificate.MatchesHostname("my-bucket.emulator.internal"), Is.True);
        Assert.That(certificate.MatchesHostname("example.com"), Is.False);
    }

    [Test]
    public void Create_CoversLoopbackAddresses()
    {
        using var certificate = EmulatorCertificate.Create(["localhost"]);

        Assert.That(SubjectAlternativeNames(certificate).EnumerateIPAddresses(),
            Is.EquivalentTo(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }));
        Assert.That(certificate.MatchesHostname("127.0.0.1"), Is.True);
        Assert.That(certificate.MatchesHostname("::1"), Is.True);
    }

    [Test]
    public void Create_NamesEachBucketUnderEachBaseDomain()
    {
        using var certificate = EmulatorCertificate.Create(["localhost", "s3.test"], ["photos"]);

        Assert.That(DnsNames(certificate), Is.SupersetOf(new[] { "photos.localhost", "photos.s3.test" }));
    }

    [Test]
    public void DnsNamesFor_IgnoresCaseTrailingDotsDuplicatesAndAddresses()
    {
        var names = EmulatorCertificate.DnsNamesFor(["LocalHost.", " s3.Test ", "s3.test", "10.0.0.1", ""]);

        Assert.That(names, Is.EqualTo(new[] { "localhost", "*.localhost", "s3.test", "*.s3.test" }));
    }

    [Test]
    public void Create_IsAServerAuthenticationLeafThatCanBeTrustedDirectly()
    {
        using var certificate = EmulatorCertificate.Create(["localhost"]);

        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
        Assert.That(constraints.CertificateAuthority, Is.False);
        Assert.That(constraints.Critical, Is.True);
        Assert.That(usages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value), Is.EqualTo(new[] { "1.3.6.1.5.5.7.3.1" }));
        Assert.That(certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages,
            Is.EqualTo(X509KeyUsageFlags.DigitalSignature));
        Assert.That(certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>(), Has.One.Items);
        Assert.That(certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>(), Has.One.Items);
        Assert.That(certificate.SubjectName.Name, Is.EqualTo(certificate.IssuerName.Name));
    }

    [Test]
    public void Create_IsValidFromADayAgoForTwoYears()
    {
        using var certificate = EmulatorCertificate.Create(["localhost"], timeProvider: new FixedTimeProvider(Now));

        Assert.That(certificate.NotBefore.ToUniversalTime(), Is.EqualTo(Now.UtcDateTime.AddDays(-1)));
        Assert.That(certificate.NotAfter.ToUniversalTime(), Is.EqualTo(Now.UtcDateTime.AddDays(729)));
    }

    [Test]
    public void Create_HasAPrivateKeyAndADistinctSerialEachTime()
    {
        using var first = EmulatorCertificate.Create(["localhost"]);
        using var second = EmulatorCertificate.Create(["localhost"]);

        Assert.That(first.HasPrivateKey, Is.True);
        Assert.That(first.GetECDsaPrivateKey(), Is.Not.Null);
        Assert.That(first.SerialNumber, Is.Not.EqualTo(second.SerialNumber));
    }

    [Test]
    public void ProviderPem_RoundTripsToTheSameCertificateWithoutItsKey()
    {
        using var certificate = EmulatorCertificate.Create(["localhost"]);
        var provider = new EmulatorCertificateProvider(certificate);

        using var fromPem = X509Certificate2.CreateFromPem(provider.Pem);

        Assert.That(provider.Pem, Does.StartWith("-----BEGIN CERTIFICATE-----").And.EndWith("-----END CERTIFICATE-----\n"));
        Assert.That(provider.Pem, Does.Not.Contain("PRIVATE KEY"));
        Assert.That(fromPem.RawData, Is.EqualTo(certificate.RawData));
        Assert.That(fromPem.HasPrivateKey, Is.False);
    }

    internal static X509SubjectAlternativeNameExtension SubjectAlternativeNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();

    internal static string[] DnsNames(X509Certificate2 certificate) =>
        SubjectAlternativeNames(certificate).EnumerateDnsNames().ToArray();
}
