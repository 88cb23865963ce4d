using Microsoft.Extensions.Configuration;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Tests.Hosting;

public sealed class SignatureV2OptionTests
{
    [Test]
    public void SignatureV2_WhenNotConfigured_IsReject()
    {
        Assert.That(new S3EmulatorOptions().SignatureV2, Is.EqualTo(SignatureV2Mode.Reject));
    }

    [TestCase("Accept", SignatureV2Mode.Accept)]
    [TestCase("accept", SignatureV2Mode.Accept)]
    [TestCase("Reject", SignatureV2Mode.Reject)]
    public void SignatureV2_FromTheS3EmulatorSection_IsBoundAsTheHostBindsIt(string value, SignatureV2Mode expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["S3Emulator:SignatureV2"] = value })
            .Build();
        var options = new S3EmulatorOptions();

        configuration.GetSection(S3EmulatorOptions.SectionName).Bind(options);

        Assert.That(options.SignatureV2, Is.EqualTo(expected));
    }
}
