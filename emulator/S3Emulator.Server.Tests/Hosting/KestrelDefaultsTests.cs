using Microsoft.AspNetCore.Server.Kestrel.Core;
using S3Emulator.Core.Encryption;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Tests.Hosting;

public sealed class KestrelDefaultsTests
{
    [Test]
    public void ABodyGetsS3sTwentySecondsBeforeItCountsAsStopped_NotKestrelsFive()
    {
        var limits = new KestrelServerOptions().UseS3EmulatorDefaults().Limits;

        Assert.That(limits.MinRequestBodyDataRate?.GracePeriod, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void AResponseHoldsAGetsFlushAndOneFrameMoreBeforeItsWriterWaits_ButNeverAMebibyte()
    {
        var limits = new KestrelServerOptions().UseS3EmulatorDefaults().Limits;

        Assert.That(limits.MaxResponseBufferSize,
            Is.GreaterThanOrEqualTo(PlaintextReader.FlushThreshold + ContentEncryption.PlaintextFrameSize + ContentEncryption.TagSize)
                .And.LessThan(1024 * 1024));
    }
}
