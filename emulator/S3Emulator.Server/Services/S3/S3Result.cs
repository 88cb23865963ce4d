using System.IO.Pipelines;
using System.Text;
using System.Xml.Linq;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3;

/// <summary>
/// What a handler answers: status, headers and an optional body writer. Handlers never touch the
/// HTTP response; <see cref="S3ResultWriter"/> is the one place that does.
/// </summary>
internal sealed class S3Result
{
    private S3Result(int statusCode) => StatusCode = statusCode;

    public int StatusCode { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long? ContentLength { get; private init; }

    /// <summary>Writes the body; null for no body. Not called for HEAD requests.</summary>
    public Func<Stream, CancellationToken, Task>? Body { get; private init; }

    /// <summary>
    /// Writes the body into the response's pipe instead (object content: decrypted in the pipe's own memory, flushed
    /// when the writer chooses, so a small body leaves with its headers in one send); null when <see cref="Body"/> writes it.
    /// </summary>
    public Func<PipeWriter, CancellationToken, Task>? PipeBody { get; private init; }

    public static S3Result Empty(int statusCode = 200) => new(statusCode) { ContentLength = 0 };

    public static S3Result Xml(XElement root, int statusCode = 200)
    {
        var bytes = Encoding.UTF8.GetBytes(S3Xml.ToText(root));
        var result = new S3Result(statusCode)
        {
            ContentLength = bytes.Length,
            Body = (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(),
        };
        result.Headers["Content-Type"] = "application/xml";
        return result;
    }

    /// <summary>A streamed body (object content); a null length is sent chunked.</summary>
    public static S3Result Stream(int statusCode, long? contentLength, Func<Stream, CancellationToken, Task> body) =>
        new(statusCode) { ContentLength = contentLength, Body = body };

    /// <summary>A streamed body written into the response's <see cref="PipeWriter"/>; a null length is sent chunked.</summary>
    public static S3Result Piped(int statusCode, long? contentLength, Func<PipeWriter, CancellationToken, Task> body) =>
        new(statusCode) { ContentLength = contentLength, PipeBody = body };

    /// <summary>A response whose headers describe an entity but which carries no body (304, HEAD).</summary>
    public static S3Result Headless(int statusCode, long? contentLength = null) => new(statusCode) { ContentLength = contentLength };

    public S3Result With(string header, string? value)
    {
        if (value is not null) Headers[header] = value;
        return this;
    }
}
