namespace S3Emulator.ClientTests.Sts;

/// <summary>The system clock plus an offset a test moves, so that a session expires without waiting for it.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
