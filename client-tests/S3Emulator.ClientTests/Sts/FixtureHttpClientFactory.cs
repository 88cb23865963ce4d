using Amazon.Runtime;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.Sts;

/// <summary>
/// Hands an SDK client the fixture's own HttpClient (TestServer in-process, the trusted loopback handler otherwise),
/// for clients the fixture does not make itself (STS, S3 with session credentials).
/// </summary>
internal sealed class FixtureHttpClientFactory(S3EmulatorServer emulator) : HttpClientFactory, IDisposable
{
    private readonly Lazy<HttpClient> _client = new(emulator.CreateHttpClient);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client.Value;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }
}
