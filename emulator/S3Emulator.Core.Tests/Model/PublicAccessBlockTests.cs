using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Model;

public sealed class PublicAccessBlockTests
{
    [Test]
    public void Or_TurnsOnEachFlagThatEitherLevelTurnsOn()
    {
        var account = new PublicAccessBlock(BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false);
        var bucket = new PublicAccessBlock(BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true);

        Assert.That(account.Or(bucket), Is.EqualTo(new PublicAccessBlock(true, false, false, true)));
    }

    [Test]
    public void Or_WithALevelThatHasNoConfiguration_KeepsTheFlags()
    {
        var bucket = new PublicAccessBlock(false, true, false, false);

        Assert.That(bucket.Or(null), Is.EqualTo(bucket));
    }
}
