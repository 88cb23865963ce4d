namespace S3Emulator.Server.Tests.Auth;

/// <summary>Returns at most a few bytes per read, as a slow network would.</summary>
internal sealed class TrickleStream(byte[] data, int maxPerRead) : MemoryStream(data)
{
    private readonly Random _random = new(7);

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _random.Next(1, maxPerRead + 1)));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, _random.Next(1, maxPerRead + 1))]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, _random.Next(1, maxPerRead + 1))], cancellationToken);
}
