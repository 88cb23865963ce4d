using Amazon.Runtime;

namespace S3Emulator.ClientTests;

/// <summary>
/// Lets an AWSSDK.S3 client send its requests to the emulator with the body changed on the way: the SDK signs
/// and frames a request as usual, <paramref name="edit"/> rewrites the bytes it produced (e.g. flips one byte of
/// an aws-chunked chunk signature), and the result goes out over the emulator's own transport. For inputs
/// that only a broken or malicious client sends.
/// </summary>
internal sealed class TamperingHttpClientFactory(HttpClient emulator, Func<HttpRequestMessage, byte[], byte[]> edit) : HttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(new TamperingHandler(emulator, edit)) { Timeout = Timeout.InfiniteTimeSpan };

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose()
    {
        _client.Dispose();
        emulator.Dispose();
    }

    private sealed class TamperingHandler(HttpClient emulator, Func<HttpRequestMessage, byte[], byte[]> edit) : HttpMessageHandler
    {
        // The SDK's message was marked as sent by the outer client, so a copy goes out.
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
            foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (request.Content is not null)
            {
                var body = edit(request, await request.Content.ReadAsByteArrayAsync(cancellationToken));
                copy.Content = new ByteArrayContent(body);
                foreach (var header in request.Content.Headers.Where(h => h.Key != "Content-Length"))
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return await emulator.SendAsync(copy, cancellationToken);
        }
    }
}
