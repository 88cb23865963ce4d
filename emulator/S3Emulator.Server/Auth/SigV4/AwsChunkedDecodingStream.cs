using System.Collections.ObjectModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Streams;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// Decodes an <c>aws-chunked</c> body (<c>&lt;hex size&gt;[;chunk-signature=&lt;sig&gt;]\r\n&lt;data&gt;\r\n … 0…\r\n[trailers]\r\n</c>)
/// into the plain payload while verifying it: every chunk signature (signed variants), the trailer
/// signature and the declared decoded length. A trailing checksum is handed on in <see cref="Trailers"/>
/// unjudged: the upload verifier computes the body's checksum anyway and compares it once. It reads through a fixed
/// buffer, so memory stays bounded whatever the chunk size. Chunk data is handed out before its
/// chunk is complete; a failure surfaces as an <see cref="S3Exception"/> from a later read, so
/// consumers must not commit what they read until the stream ended cleanly.
/// </summary>
internal sealed class AwsChunkedDecodingStream : ReadOnlyStream
{
    private const int BufferSize = 64 * 1024;
    private const int MaxLineLength = 8 * 1024;
    private const int MaxTrailers = 32;
    private const string ChunkSignatureExtension = "chunk-signature=";

    private readonly ChunkSignatureChain? _chain;
    private readonly bool _trailerExpected;
    private readonly long? _declaredLength;
    private readonly IncrementalHash? _chunkHash;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly Dictionary<string, string> _trailers = new(StringComparer.OrdinalIgnoreCase);
    private int _start;
    private int _end;
    private bool _innerEnded;
    private State _state = State.ChunkHeader;
    private long _chunkRemaining;
    private string? _chunkSignature;
    private string? _trailerSignature;
    private long _decoded;
    private S3Exception? _failure;

    /// <param name="inner">The body as received (HTTP chunking already removed by the server).</param>
    /// <param name="chain">The signature chain for signed variants; null for <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>.</param>
    /// <param name="trailerExpected">True for the <c>…-TRAILER</c> variants.</param>
    /// <param name="declaredLength"><c>x-amz-decoded-content-length</c>, checked at the end.</param>
    public AwsChunkedDecodingStream(Stream inner, ChunkSignatureChain? chain, bool trailerExpected, long? declaredLength)
        : base(inner)
    {
        _chain = chain;
        _trailerExpected = trailerExpected;
        _declaredLength = declaredLength;
        _chunkHash = chain is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    private enum State
    {
        ChunkHeader,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        Done,
    }

    /// <summary>The trailer headers (lowercase names); empty until the body has been read to its verified end.</summary>
    public IReadOnlyDictionary<string, string> Trailers { get; private set; } = ReadOnlyDictionary<string, string>.Empty;

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            var produced = Decode(buffer, out var needInput);
            if (!needInput)
            {
                return produced;
            }

            Filled(Inner.Read(_buffer.AsSpan(PrepareFill())));
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var produced = Decode(buffer.Span, out var needInput);
            if (!needInput)
            {
                return produced;
            }

            Filled(await Inner.ReadAsync(_buffer.AsMemory(PrepareFill()), cancellationToken).ConfigureAwait(false));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunkHash?.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Available => _end - _start;

    private Range PrepareFill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, Available).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        return _end.._buffer.Length;
    }

    private void Filled(int read)
    {
        if (read == 0)
        {
            _innerEnded = true;
        }

        _end += read;
    }

    // A failed body stays failed: later reads rethrow instead of looking like a clean end of stream.
    private int Decode(Span<byte> destination, out bool needInput)
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        try
        {
            return DecodeBuffered(destination, out needInput);
        }
        catch (S3Exception failure)
        {
            _failure = failure;
            throw;
        }
    }

    // Produces plain bytes from the buffered input. needInput = the buffer must be refilled first.
    private int DecodeBuffered(Span<byte> destination, out bool needInput)
    {
        needInput = false;
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            switch (_state)
            {
                case State.ChunkHeader:
                    if (!TryTakeLine(out var header))
                    {
                        return NeedInput(out needInput);
                    }

                    StartChunk(header);
                    break;
                case State.ChunkData:
                    if (Available == 0)
                    {
                        return NeedInput(out needInput);
                    }

                    return CopyChunkData(destination);
                case State.ChunkDataEnd:
                    if (Available < 2)
                    {
                        return NeedInput(out needInput);
                    }

                    if (_buffer[_start] != '\r' || _buffer[_start + 1] != '\n')
                    {
                        throw Malformed();
                    }

                    _start += 2;
                    _state = State.ChunkHeader;
                    break;
                case State.Trailer:
                    if (!TryTakeLine(out var line))
                    {
                        if (_innerEnded)
                        {
                            // Tolerate a body that ends after the last trailer line without the closing empty line.
                            Complete();
                            return 0;
                        }

                        return NeedInput(out needInput);
                    }

                    if (line.Length == 0)
                    {
                        Complete();
                        return 0;
                    }

                    AddTrailer(line);
                    break;
                default:
                    return 0;
            }
        }
    }

    private int NeedInput(out bool needInput)
    {
        if (_innerEnded)
        {
            throw AuthErrors.IncompleteBody();
        }

        needInput = true;
        return 0;
    }

    private void StartChunk(string header)
    {
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var sizeText = semicolon < 0 ? header : header[..semicolon];
        if (sizeText.Length is 0 or > 16
            || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size)
            || size < 0)
        {
            throw Malformed();
        }

        var signatureAt = semicolon < 0 ? -1 : header.IndexOf(ChunkSignatureExtension, semicolon, StringComparison.Ordinal);
        _chunkSignature = signatureAt < 0 ? null : header[(signatureAt + ChunkSignatureExtension.Length)..].Trim();
        if (_chain is not null && _chunkSignature is null)
        {
            throw AuthErrors.SignatureDoesNotMatch();
        }

        if (_declaredLength is { } declared && _decoded + size > declared)
        {
            throw AuthErrors.SignatureDoesNotMatch();
        }

        _chunkRemaining = size;
        if (size == 0)
        {
            FinishChunk();
            _state = State.Trailer;
        }
        else
        {
            _state = State.ChunkData;
        }
    }

    private int CopyChunkData(Span<byte> destination)
    {
        var count = (int)Math.Min(Math.Min(Available, _chunkRemaining), destination.Length);
        var data = _buffer.AsSpan(_start, count);
        data.CopyTo(destination);
        _chunkHash?.AppendData(data);
        _start += count;
        _chunkRemaining -= count;
        _decoded += count;
        if (_chunkRemaining == 0)
        {
            // Verify before handing out the chunk's last bytes, so a bad chunk never reads as complete.
            FinishChunk();
            _state = State.ChunkDataEnd;
        }

        return count;
    }

    private void FinishChunk()
    {
        if (_chain is not null)
        {
            _chain.VerifyChunk(Hex.Lower(_chunkHash!.GetHashAndReset()), _chunkSignature);
        }
    }

    private void AddTrailer(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || _trailers.Count >= MaxTrailers)
        {
            throw Malformed();
        }

        var name = line[..colon].Trim().ToLowerInvariant();
        var value = line[(colon + 1)..].Trim();
        if (name == SigV4Constants.TrailerSignatureName)
        {
            _trailerSignature = value;
        }
        else
        {
            _trailers[name] = value;
        }
    }

    private void Complete()
    {
        _state = State.Done;
        if (!_trailerExpected && (_trailers.Count > 0 || _trailerSignature is not null))
        {
            throw Malformed();
        }

        if (_trailerExpected && _chain is not null)
        {
            _chain.VerifyTrailer(_trailers, _trailerSignature);
        }

        if (_declaredLength is { } declared && declared != _decoded)
        {
            throw AuthErrors.SignatureDoesNotMatch();
        }

        Trailers = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(_trailers, StringComparer.OrdinalIgnoreCase));
    }

    // Takes one CRLF- (or LF-) terminated line from the buffer; false when the buffer holds no complete line yet.
    private bool TryTakeLine(out string line)
    {
        var newline = _buffer.AsSpan(_start, Available).IndexOf((byte)'\n');
        if (newline < 0)
        {
            if (Available > MaxLineLength)
            {
                throw Malformed();
            }

            line = string.Empty;
            return false;
        }

        var length = newline > 0 && _buffer[_start + newline - 1] == '\r' ? newline - 1 : newline;
        line = Encoding.UTF8.GetString(_buffer, _start, length);
        _start += newline + 1;
        return true;
    }

    // Framing that is not aws-chunked: the body does not hold the chunks its headers announced.
    private static S3Exception Malformed() => AuthErrors.IncompleteBody();
}
