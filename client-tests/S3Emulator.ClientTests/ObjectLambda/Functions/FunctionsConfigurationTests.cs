using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.ObjectLambda.Functions;

/// <summary>A bad function entry stops the emulator at start, naming the entry, instead of failing the first Object Lambda request.</summary>
public sealed class FunctionsConfigurationTests
{
    [Test]
    public async Task Start_WithAFunctionNamingAnUnknownRole_FailsNamingTheEntry()
    {
        var failure = await Assert.ThrowsAsync<S3EmulatorConfigurationException>(async () =>
        {
            await using var emulator = await S3EmulatorServer.StartAsync(o => o.Functions.Add(new()
            {
                Arn = "redact", Url = "http://127.0.0.1:8123/redact", Role = "arn:aws:iam::123456789012:role/missing",
            }));
        });

        Assert.That(failure!.Message, Does.StartWith("S3Emulator:Functions:0 'redact': Role 'arn:aws:iam::123456789012:role/missing' is not a configured role"));
    }
}
