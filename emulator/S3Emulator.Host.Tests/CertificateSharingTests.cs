namespace S3Emulator.Host.Tests;

/// <summary>Emulators started without <c>--data</c> keep their certificates in <c>~/.s3emulator</c>, which they share.</summary>
public sealed class CertificateSharingTests
{
    private string _home = "";

    [SetUp]
    public void CreateHome() => _home = Directory.CreateTempSubdirectory("s3emulator-home-").FullName;

    [TearDown]
    public void DeleteHome() => Directory.Delete(_home, recursive: true);

    [Test]
    public async Task ASecondInstanceWithOtherBuckets_LeavesTheCertificateTheFirstServesInPlace()
    {
        await using var first = await StartAsync("alpha");
        var firstPem = Banner.TrustedPemPath(first.Output);
        var firstServed = await ServedPemAsync(first);

        await using var second = await StartAsync("beta");
        var secondPem = Banner.TrustedPemPath(second.Output);

        Assert.That(firstPem, Does.StartWith(Path.Combine(_home, ".s3emulator")));
        Assert.That(await File.ReadAllTextAsync(firstPem), Is.EqualTo(firstServed), "the first instance's file still holds what it serves");
        Assert.That(await File.ReadAllTextAsync(secondPem), Is.EqualTo(await ServedPemAsync(second)), "the second instance's banner names the file it serves");
        Assert.That(secondPem, Is.Not.EqualTo(firstPem));
    }

    [Test]
    public async Task ASecondInstanceWithTheSameNames_ServesTheSameCertificateFromTheSameFile()
    {
        await using var first = await StartAsync("alpha");
        await using var second = await StartAsync("alpha");

        Assert.That(Banner.TrustedPemPath(second.Output), Is.EqualTo(Banner.TrustedPemPath(first.Output)));
        Assert.That(await ServedPemAsync(second), Is.EqualTo(await ServedPemAsync(first)));
    }

    private async Task<HostProcess> StartAsync(string bucket)
    {
        var host = await HostProcess.StartReadyAsync(environment: new Dictionary<string, string?>
        {
            ["HOME"] = _home,
            ["S3Emulator__InitialBuckets__0"] = bucket,
        });
        await host.WaitForLineAsync(line => line.Contains("journal", StringComparison.Ordinal));
        return host;
    }

    private static async Task<string> ServedPemAsync(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = Banner.HttpUrl(host.Output) };
        return await client.GetStringAsync("/_s3emulator/certificate");
    }
}
