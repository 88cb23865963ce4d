using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.RawHttp;

/// <summary>
/// One HTTP/1.1 connection to a loopback emulator, written and read byte for byte: for what no HTTP client
/// sends (a withheld body after <c>Expect: 100-continue</c>, raw bytes in a header or the request line) and
/// to see exactly what happens to the connection afterwards.
/// </summary>
internal sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(TcpClient client, Stream stream)
    {
        _client = client;
        _stream = stream;
    }

    /// <summary>Connects to the emulator's HTTP or HTTPS endpoint, trusting exactly its certificate.</summary>
    public static async Task<RawHttpConnection> OpenAsync(S3EmulatorServer emulator, bool https)
    {
        var url = (https ? emulator.HttpsUrl : emulator.HttpUrl) ?? throw new InvalidOperationException("Loopback mode only.");
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, url.Port);
        Stream stream = client.GetStream();
        if (https)
        {
            var certificate = emulator.Certificate!;
            var tls = new SslStream(stream, leaveInnerStreamOpen: false,
                (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString());
            await tls.AuthenticateAsClientAsync("localhost");
            stream = tls;
        }
        return new RawHttpConnection(client, stream);
    }

    /// <summary>Writes bytes as they are: a request head, a body, or both.</summary>
    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public Task WriteAsync(string latin1Text) => WriteAsync(Encoding.Latin1.GetBytes(latin1Text));

    /// <summary>Reads one response (Content-Length or chunked body; none for HEAD or 1xx/204/304).</summary>
    public async Task<RawHttpResponse> ReadResponseAsync(bool head = false, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var statusLine = await ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The connection closed before a response.");
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        while (await ReadLineAsync(cancel.Token) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var response = new RawHttpResponse(status, headers, []);
        if (head || status is < 200 or 204 or 304) return response;
        if (response.Header("Transfer-Encoding") is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var body = new MemoryStream();
            while (true)
            {
                var size = int.Parse((await ReadLineAsync(cancel.Token))!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (await ReadLineAsync(cancel.Token) is { Length: > 0 }) { }
                    break;
                }
                body.Write(await ReadExactlyAsync(size, cancel.Token));
                await ReadLineAsync(cancel.Token);
            }
            return response with { Body = body.ToArray() };
        }
        var length = response.Header("Content-Length") is { } cl ? int.Parse(cl, CultureInfo.InvariantCulture) : 0;
        return response with { Body = await ReadExactlyAsync(length, cancel.Token) };
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancel)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancel)) return line.Count == 0 ? null : Encoding.Latin1.GetString(line.ToArray());
            var b = _buffer[_start++];
            if (b == '\n') return Encoding.Latin1.GetString(line.ToArray()).TrimEnd('\r');
            line.Add(b);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancel)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(cancel)) throw new EndOfStreamException("The connection closed mid-body.");
            var take = Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, take);
            _start += take;
            filled += take;
        }
        return result;
    }

    private async Task<bool> FillAsync(CancellationToken cancel)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancel);
        return _end > 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}

/// <summary>A response read off a <see cref="RawHttpConnection"/>.</summary>
internal sealed record RawHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string Text => Encoding.UTF8.GetString(Body);

    public bool ClosesConnection => Header("Connection") is { } c && c.Contains("close", StringComparison.OrdinalIgnoreCase);
}
