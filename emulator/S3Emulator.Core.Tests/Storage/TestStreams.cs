namespace S3Emulator.Core.Tests.Storage;

/// <summary>Read-only test streams with the behaviour a request body can have: slow, broken, or huge.</summary>
internal abstract class TestReadStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Hands out its bytes then fails, like a connection that drops mid-body.</summary>
internal sealed class FailingStream(byte[] before) : TestReadStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position == before.Length) throw new IOException("The connection was reset.");
        var count = Math.Min(buffer.Length, before.Length - _position);
        before.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}

/// <summary>Hands out its bytes in small steps, yielding between them, so concurrent writers interleave.</summary>
internal sealed class TrickleStream(byte[] content, int step = 8 * 1024) : TestReadStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, step), content.Length - _position);
        content.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return Read(buffer.Span);
    }
}

/// <summary>Produces <paramref name="length"/> bytes of a repeating pattern without allocating them.</summary>
internal sealed class PatternStream(long length) : TestReadStream
{
    private long _position;

    public static byte ByteAt(long position) => (byte)(position * 31 % 251);

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++) buffer[i] = ByteAt(_position + i);
        _position += count;
        return count;
    }
}

/// <summary>Signals when the store starts reading, then holds the body back until released.</summary>
internal sealed class GateStream(byte[] content) : TestReadStream
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public Task Started => _started.Task;

    public void Release() => _released.TrySetResult();

    public override int Read(Span<byte> buffer) => throw new NotSupportedException("Read asynchronously.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _started.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        var count = Math.Min(buffer.Length, content.Length - _position);
        content.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
