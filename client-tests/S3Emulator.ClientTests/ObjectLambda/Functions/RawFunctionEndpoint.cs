using System.Net;
using System.Net.Sockets;
using System.Text;

namespace S3Emulator.ClientTests.ObjectLambda.Functions;

/// <summary>
/// A function URL that misbehaves below what <c>ObjectLambdaFunctionHost</c> can be made to do: under <c>/hangs/</c>
/// it accepts the connection, reads the event and never answers; anywhere else it answers 200 with a body that is not
/// JSON. Raw sockets on a loopback port, so nothing between the emulator and the wire tidies the answer up.
/// </summary>
internal sealed class RawFunctionEndpoint : IAsyncDisposable
{
    public const string NotJson = "this is not JSON";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _hung;

    public RawFunctionEndpoint()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>How many invocations were left without an answer.</summary>
    public int Hung => Volatile.Read(ref _hung);

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true) connections.Add(ServeAsync(await _listener.AcceptSocketAsync(_stopping.Token)));
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket))
        {
            try
            {
                var head = await ReadHeadAsync(stream);
                if (head.Path.StartsWith("/hangs/", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _hung);
                    // Until the emulator gives up (it closes the connection) or the endpoint stops.
                    _ = await stream.ReadAsync(new byte[1], _stopping.Token);
                    return;
                }

                var body = Encoding.UTF8.GetBytes(NotJson);
                var answer = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer).Concat(body).ToArray(), _stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
            {
            }
        }
    }

    // The request line's path, after reading the head and the Content-Length body it announces.
    private async Task<(string Path, int Length)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, _stopping.Token) == 0) throw new IOException("closed before the head ended");
            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n') break;
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stopping.Token);
        return (lines[0].Split(' ')[1], length);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
