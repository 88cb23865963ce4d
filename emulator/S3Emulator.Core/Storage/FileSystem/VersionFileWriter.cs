using System.Buffers;
using Microsoft.Win32.SafeHandles;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Streams content into a new <see cref="VersionFile"/> through one pooled buffer, then seals it with its header
/// and first record. Content that fits the buffer (every small object) reaches the file in a single write of
/// header, content and record together; larger content is written a buffer at a time, so memory stays bounded.
/// </summary>
internal sealed class VersionFileWriter : IDisposable
{
    /// <summary>Below the large-object-heap threshold once pooled (the pool rounds up to 128 KiB).</summary>
    private const int BufferSize = 80 * 1024;

    private readonly SafeFileHandle _file;
    private readonly bool _reused;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private long _bufferStart;
    private int _buffered = VersionFile.HeaderSize;

    private VersionFileWriter(SafeFileHandle file, bool reused)
    {
        _file = file;
        _reused = reused;

        // A pooled buffer holds old bytes: the header's place must read as "not sealed" until Seal writes it.
        _buffer.AsSpan(0, VersionFile.HeaderSize).Clear();
    }

    /// <summary>The number of content bytes written so far.</summary>
    public long Length => _bufferStart + _buffered - VersionFile.HeaderSize;

    public static VersionFileWriter Create(string path) => new(VersionFile.Create(path), reused: false);

    /// <summary>
    /// Writes over the existing file at <paramref name="path"/> (a <see cref="SpareFiles"/> spare) from its start;
    /// <see cref="Seal"/> cuts it to the new version's length.
    /// </summary>
    public static VersionFileWriter Reuse(string path) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.None), reused: true);

    /// <summary>Appends <paramref name="source"/> to its end.</summary>
    public async ValueTask AppendAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(VersionFileWriter));
        while (true)
        {
            if (_buffered == buffer.Length) Flush(buffer);
            var read = await source.ReadAsync(buffer.AsMemory(_buffered), cancellationToken).ConfigureAwait(false);
            if (read == 0) return;
            _buffered += read;
        }
    }

    /// <summary>Writes the record and the header; returns where the record chain ends. The file is then complete.</summary>
    public long Seal(ObjectInfo info)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(VersionFileWriter));
        var contentLength = Length;
        var entry = VersionFile.Entry(info);
        var headerInBuffer = _bufferStart == 0;
        if (headerInBuffer) VersionFile.WriteHeader(buffer, contentLength);
        if (buffer.Length - _buffered >= entry.Length)
        {
            entry.CopyTo(buffer, _buffered);
            _buffered += entry.Length;
            Flush(buffer);
        }
        else
        {
            Flush(buffer);
            RandomAccess.Write(_file, entry, _bufferStart);
        }

        if (!headerInBuffer)
        {
            Span<byte> header = stackalloc byte[VersionFile.HeaderSize];
            VersionFile.WriteHeader(header, contentLength);
            RandomAccess.Write(_file, header, 0);
        }

        var end = VersionFile.HeaderSize + contentLength + entry.Length;

        // Whatever a reused file held past the new end would read as more records: it must end exactly here.
        if (_reused) RandomAccess.SetLength(_file, end);
        return end;
    }

    private void Flush(byte[] buffer)
    {
        RandomAccess.Write(_file, buffer.AsSpan(0, _buffered), _bufferStart);
        _bufferStart += _buffered;
        _buffered = 0;
    }

    public void Dispose()
    {
        _file.Dispose();
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
