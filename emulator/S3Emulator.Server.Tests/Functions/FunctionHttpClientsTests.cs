using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Tests.Functions;

/// <summary>
/// The HTTP functions' client is made on the first invocation, not when the emulator's services are built, so a host
/// without HTTP functions never loads System.Net.Http; the first invocation still gets a working client.
/// </summary>
public sealed class FunctionHttpClientsTests
{
    [Test]
    public async Task TheEmulatorsServices_MakeNoHttpClient_UntilAnHttpFunctionIsInvoked_WhichThenSucceeds()
    {
        await using var provider = new ServiceCollection().AddLogging().AddS3Emulator().BuildServiceProvider();
        // What the Object Lambda service holds from the start: the invoker, and with it both function hosts.
        provider.GetRequiredService<IFunctionInvoker>();
        var clients = provider.GetRequiredService<FunctionHttpClients>();
        Assert.That(clients.IsCreated, Is.False, "built with the emulator's services");

        await using var function = await FunctionHttpServer.StartAsync(c => c.Response.WriteAsync("""{"statusCode":200}"""));
        var result = await provider.GetRequiredService<HttpFunctionHost>()
            .InvokeAsync(FunctionTestKit.Resolved("fn", function.Url), """{"xAmzRequestId":"r1"}""", CancellationToken.None);

        Assert.That(result, Is.EqualTo(new HostResult(FunctionOutcome.Returned, """{"statusCode":200}""", null)));
        Assert.That(clients.IsCreated, Is.True);
    }

    [Test]
    public void ADisposedClientSource_RefusesToMakeAClient()
    {
        var clients = new FunctionHttpClients();
        clients.Dispose();

        Assert.Throws<ObjectDisposedException>(() => clients.CreateClient());
    }
}
