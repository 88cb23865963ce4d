namespace S3Emulator.Server.Tests.Auth;

/// <summary>A clock the test sets by hand.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
