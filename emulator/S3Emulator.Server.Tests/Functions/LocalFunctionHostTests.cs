using System.Diagnostics;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Tests.Functions;

public sealed class LocalFunctionHostTests
{
    private const string Event = """{"xAmzRequestId":"r1","protocolVersion":"1.00"}""";
    private static readonly Uri EmulatorUrl = new("https://localhost:9443");

    private static Task<HostResult> InvokeAsync(
        IObjectLambdaFunction handler, string? role = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var issuer = new FunctionCredentialIssuer(FunctionTestKit.Directory(FunctionTestKit.Options()), new SessionTokenSealer(FunctionTestKit.MasterKey),
            TimeProvider.System);
        return new LocalFunctionHost(issuer, TimeProvider.System)
            .InvokeAsync(FunctionTestKit.Resolved("upper:live", handler: handler, role: role, timeout: timeout), Event, EmulatorUrl, cancellationToken);
    }

    [Test]
    public async Task Invoke_GivesTheHandlerTheEventItsArnTheEmulatorUrlAndItsRolesCredentials_AndReturnsItsValue()
    {
        var handler = new FunctionTestKit.Returning("""{"statusCode":200}""");

        var result = await InvokeAsync(handler, FunctionTestKit.RoleArn);

        Assert.That(result, Is.EqualTo(new HostResult(FunctionOutcome.Returned, """{"statusCode":200}""", null)));
        var received = handler.Received!;
        Assert.That((received.FunctionArn, received.EventJson, received.EmulatorUrl),
            Is.EqualTo(("arn:aws:lambda:us-east-1:123456789012:function:upper:live", Event, EmulatorUrl)));
        Assert.That(received.Credentials?.AccessKeyId, Does.StartWith("ASIA"));
    }

    [Test]
    public async Task Invoke_AFunctionWithoutARole_GetsNoCredentials()
    {
        var handler = new FunctionTestKit.Returning(null);

        Assert.That(await InvokeAsync(handler), Is.EqualTo(new HostResult(FunctionOutcome.Returned, null, null)));
        Assert.That(handler.Received!.Credentials, Is.Null);
    }

    [Test]
    public async Task Invoke_AHandlerThatThrows_FailsWithTheExceptionsTypeName() =>
        Assert.That(await InvokeAsync(new FunctionTestKit.Throwing()), Is.EqualTo(HostResult.Failed("InvalidDataException")));

    [Test]
    public async Task Invoke_AtTheTimeout_CancelsTheHandlersToken_AndTimesOut()
    {
        var handler = new FunctionTestKit.WaitingForCancellation();

        var result = await InvokeAsync(handler, timeout: TimeSpan.FromMilliseconds(200));

        Assert.That(result, Is.EqualTo(HostResult.TimedOut));
        Assert.That(handler.Cancelled.Task.IsCompleted, Is.True);
    }

    [Test]
    public async Task Invoke_AHandlerThatIgnoresCancellation_StillEndsAtTheTimeout()
    {
        using var handler = new FunctionTestKit.IgnoringCancellation();
        var watch = Stopwatch.StartNew();

        var result = await InvokeAsync(handler, timeout: TimeSpan.FromMilliseconds(200));

        Assert.That(result, Is.EqualTo(HostResult.TimedOut));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Invoke_WhenTheCallerGivesUp_IsCancelled_NotATimeout()
    {
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(async () => await InvokeAsync(new FunctionTestKit.WaitingForCancellation(), timeout: TimeSpan.FromSeconds(30), cancellationToken: caller.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
