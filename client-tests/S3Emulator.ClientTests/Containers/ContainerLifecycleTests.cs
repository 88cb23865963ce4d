using Amazon.S3.Model;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// The module's ports across a container's life: a host port the test fixed with <c>WithPortBinding</c> is kept (and is
/// the public URL's), and a stop and start keeps the published ports, the certificate and the objects in <c>/data</c>,
/// so clients made before the restart keep working.
/// </summary>
[Category("Docker")]
public sealed class ContainerLifecycleTests : ContainerTestBase
{
    private int _fixedHttpsPort;

    protected override S3EmulatorBuilder Configure(S3EmulatorBuilder builder)
    {
        _fixedHttpsPort = FreePorts.ReserveTwo().First;
        return builder.WithPortBinding(_fixedHttpsPort, S3EmulatorBuilder.HttpsPort);
    }

    [Test]
    public void AHostPortFixedByTheTest_IsPublished_AndIsThePublicUrls()
    {
        Assert.That(Container.GetHttpsUrl().Port, Is.EqualTo(_fixedHttpsPort));
        Assert.That(Container.Options.PublicUrl, Is.EqualTo($"https://localhost:{_fixedHttpsPort}"));
    }

    [Test]
    public async Task StopAndStart_KeepsThePortsTheCertificateAndTheObjects_ForClientsMadeBefore()
    {
        var bucket = await CreateBucketAsync();
        using var secure = Container.CreateS3Client(c => c.ServiceURL = Container.GetHttpsUrl().ToString());
        await secure.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "kept", ContentBody = "survives a restart" });
        var (http, https, thumbprint) = (Container.GetServiceUrl(), Container.GetHttpsUrl(), Container.Certificate.Thumbprint);

        await Container.StopAsync();
        await Container.StartAsync();
        using var get = await secure.GetObjectAsync(bucket, "kept");

        Assert.That(await ReadTextAsync(get), Is.EqualTo("survives a restart"));
        Assert.That((Container.GetServiceUrl(), Container.GetHttpsUrl(), Container.Certificate.Thumbprint), Is.EqualTo((http, https, thumbprint)));
    }
}
