namespace S3Emulator.Server.Tests.Hosting;

/// <summary>A clock that stands still wherever a test puts it.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
