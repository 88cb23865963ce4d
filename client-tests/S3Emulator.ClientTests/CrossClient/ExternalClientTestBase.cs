using S3Emulator.Testing;

namespace S3Emulator.ClientTests.CrossClient;

/// <summary>
/// Scenarios that run another S3 client (the AWS CLI, boto3, the JavaScript SDK) as a process: each test gets its
/// own <see cref="ExternalClient"/>. They need a socket, so the in-process transport ignores them.
/// </summary>
public abstract class ExternalClientTestBase(Transport transport) : EmulatorTestBase(transport)
{
    private protected ExternalClient Client { get; private set; } = null!;

    /// <summary>
    /// Whether <see cref="Client"/> goes through the emulator's <see cref="HostRedirectProxy"/>, so that the hosts
    /// its SDK builds (the AWS default endpoints, <c>{account}.localhost</c>) reach the emulator.
    /// </summary>
    protected virtual bool ThroughHostRedirectProxy => false;

    /// <summary>The proxy <see cref="Client"/> goes through; null unless <see cref="ThroughHostRedirectProxy"/>.</summary>
    protected HostRedirectProxy? Proxy { get; private set; }

    [SetUp]
    public void CreateClient()
    {
        if (Transport == Transport.InProcess) Assert.Ignore("External clients need a socket: covered by the loopback transports.");
        if (ThroughHostRedirectProxy) Proxy ??= Emulator.StartHostRedirectProxy();
        Client = new ExternalClient(Emulator, Proxy);
    }

    [TearDown]
    public void DisposeClient() => Client?.Dispose();

    /// <summary>Ignores the test where <paramref name="program"/> cannot be run here.</summary>
    protected static async Task RequireAsync(string program, params string[] arguments)
    {
        if (!await ExternalClient.IsAvailableAsync(program, arguments)) Assert.Ignore($"{program} is not installed here.");
    }
}
