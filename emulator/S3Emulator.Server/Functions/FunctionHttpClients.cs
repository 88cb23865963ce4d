namespace S3Emulator.Server.Functions;

/// <summary>
/// The one pooled client of every HTTP function, made on the first invocation: a host with no HTTP function (nearly every
/// host) never loads System.Net.Http or builds an HTTP client factory (INVARIANTS.md: a 1 GiB transfer under 100 MiB RSS).
/// Each invocation applies the function's own timeout, so the client has none; no proxy (function URLs are local: the test
/// process, a sibling container, and a proxy from the environment would not reach them), no redirects, no cookies.
/// Connections are renewed every two minutes, as the framework's client factory renews its handlers, so a function's host
/// name is resolved again.
/// </summary>
internal sealed class FunctionHttpClients : IDisposable
{
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

    // Neither IHttpClientFactory nor a Lazy<SocketsHttpHandler>: loading this type, or constructing it, would load
    // System.Net.Http already (the interface's signatures, the generic instantiation). The handler is held as what
    // Dispose needs, so that Dispose, which every host runs when it stops, names no System.Net.Http type either.
    private readonly Lock _lock = new();
    private IDisposable? _handler;
    private bool _disposed;

    /// <summary>A client over the shared handler; disposing it leaves the handler (and its pooled connections) open.</summary>
    public HttpClient CreateClient() => new(Handler(), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Whether the handler has been made (by a first invocation).</summary>
    internal bool IsCreated => Volatile.Read(ref _handler) is not null;

    private HttpMessageHandler Handler()
    {
        if (Volatile.Read(ref _handler) is HttpMessageHandler handler) return handler;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _handler ??= new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = ConnectionLifetime,
            };
            return (HttpMessageHandler)_handler;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _handler?.Dispose();
        }
    }
}
