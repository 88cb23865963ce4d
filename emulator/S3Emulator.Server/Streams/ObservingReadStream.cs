namespace S3Emulator.Server.Streams;

/// <summary>
/// Passes an inner stream through unchanged and shows every byte read to <see cref="Observe"/>, then tells
/// <see cref="OnEnd"/> once the inner stream has ended. Digest checks live in <see cref="OnEnd"/>: it throws
/// from the final read, so a consumer never commits a body that failed its check.
/// </summary>
internal abstract class ObservingReadStream(Stream inner, bool leaveOpen = false) : ReadOnlyStream(inner, leaveOpen)
{
    private bool _ended;

    public sealed override int Read(Span<byte> buffer) => After(Inner.Read(buffer), buffer);

    public sealed override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        After(await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Span);

    /// <summary>Sees the bytes just read.</summary>
    protected abstract void Observe(ReadOnlySpan<byte> data);

    /// <summary>Runs once, when the inner stream ends.</summary>
    protected virtual void OnEnd()
    {
    }

    private int After(int read, ReadOnlySpan<byte> buffer)
    {
        if (read > 0)
        {
            Observe(buffer[..read]);
        }
        else if (!_ended && buffer.Length > 0)
        {
            // A zero-length read of an empty buffer says nothing about the end of the stream.
            _ended = true;
            OnEnd();
        }
        return read;
    }
}
