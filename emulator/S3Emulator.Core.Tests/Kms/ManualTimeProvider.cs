namespace S3Emulator.Core.Tests.Kms;

/// <summary>A clock the test moves by hand, to reach a key's deletion date without waiting a week.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
