namespace S3Emulator.Server.Tests.Functions;

/// <summary>An <see cref="IHttpClientFactory"/> over one handler, configured as the emulator configures its functions' client.</summary>
internal sealed class SingleClientFactory : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { UseProxy = false, AllowAutoRedirect = false, UseCookies = false };

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose() => _handler.Dispose();
}
