using Microsoft.Extensions.Logging;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Tests.Functions;

public sealed class FunctionInvokerTests
{
    private const string OtherAccount = "210987654321";
    private const string Secret = "transformed-secret-content";
    private static readonly Uri EmulatorUrl = new("https://localhost:9443");

    private SteppingClock _clock = null!;
    private CapturingLogger<FunctionInvoker> _log = null!;
    private FunctionHttpClients _clients = null!;

    [SetUp]
    public void CreateInvokerParts()
    {
        _clock = new SteppingClock();
        _log = new CapturingLogger<FunctionInvoker>();
        _clients = new FunctionHttpClients();
    }

    [TearDown]
    public void DisposeClients() => _clients.Dispose();

    private FunctionInvoker Invoker(params FunctionOptions[] functions)
    {
        var options = FunctionTestKit.Options(o => o.Functions.AddRange(functions));
        var directory = FunctionTestKit.Directory(options);
        var issuer = new FunctionCredentialIssuer(directory, new SessionTokenSealer(FunctionTestKit.MasterKey), _clock);
        return new FunctionInvoker(new FunctionRegistry(options, directory), new LocalFunctionHost(issuer, _clock),
            new HttpFunctionHost(_clients, issuer, _clock), _clock, _log);
    }

    private static string Event(string account = "123456789012") =>
        $$"""{"xAmzRequestId":"r1","configuration":{"accessPointArn":"arn:aws:s3-object-lambda:us-east-1:{{account}}:accesspoint/olap","payload":"{{Secret}}"},"protocolVersion":"1.00"}""";

    [Test]
    public async Task Invoke_AnUnknownFunction_IsNotFound_NamingItAsConfigured()
    {
        var response = await Invoker().InvokeAsync("missing", Event(), EmulatorUrl, CancellationToken.None);

        Assert.That((response.FunctionArn, response.HostKind, response.Outcome), Is.EqualTo(("missing", (FunctionHostKind?)null, FunctionOutcome.NotFound)));
    }

    [Test]
    public async Task Invoke_ABareName_RunsTheFunctionOfTheAccessPointsAccount()
    {
        var ours = new FunctionTestKit.Returning("\"ours\"");
        var theirs = new FunctionTestKit.Returning("\"theirs\"");
        var invoker = Invoker(new() { Arn = "upper", Handler = ours }, new() { Arn = $"arn:aws:lambda:us-east-1:{OtherAccount}:function:upper", Handler = theirs });

        var response = await invoker.InvokeAsync("upper", Event(OtherAccount), EmulatorUrl, CancellationToken.None);

        Assert.That((response.FunctionArn, response.HostKind, response.Outcome, response.PayloadJson),
            Is.EqualTo(($"arn:aws:lambda:us-east-1:{OtherAccount}:function:upper", (FunctionHostKind?)FunctionHostKind.InProcess, FunctionOutcome.Returned, "\"theirs\"")));
        Assert.That(ours.Received, Is.Null);
    }

    [Test]
    public async Task Invoke_AnHttpFunction_RunsOnTheHttpHost()
    {
        await using var function = await FunctionHttpServer.StartAsync(c => Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(c.Response, "{}"));

        var response = await Invoker(new FunctionOptions { Arn = "remote", Url = function.Url.ToString() }).InvokeAsync("remote", Event(), EmulatorUrl, CancellationToken.None);

        Assert.That((response.HostKind, response.Outcome, response.PayloadJson), Is.EqualTo(((FunctionHostKind?)FunctionHostKind.Http, FunctionOutcome.Returned, "{}")));
    }

    [Test]
    public async Task Invoke_TheDuration_IsMeasuredWithTheEmulatorsClock()
    {
        var invoker = Invoker(new FunctionOptions { Arn = "slow", Handler = new Stepping(_clock, TimeSpan.FromSeconds(3)) });

        var response = await invoker.InvokeAsync("slow", Event(), EmulatorUrl, CancellationToken.None);

        Assert.That(response.Duration, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task Invoke_LogsOneInformationLinePerInvocation_WithoutTheEventOrThePayload()
    {
        var invoker = Invoker(new() { Arn = "upper", Handler = new FunctionTestKit.Returning($"\"{Secret}\"") }, new() { Arn = "broken", Handler = new FunctionTestKit.Throwing() });

        await invoker.InvokeAsync("upper", Event(), EmulatorUrl, CancellationToken.None);
        await invoker.InvokeAsync("broken", Event(), EmulatorUrl, CancellationToken.None);

        Assert.That(_log.Lines.Select(l => (l.Level, l.EventId)), Is.EqualTo(new[] { (LogLevel.Information, 100), (LogLevel.Information, 100) }));
        Assert.That(_log.Lines.First().Message, Does.StartWith("Function arn:aws:lambda:us-east-1:123456789012:function:upper (InProcess) Returned"));
        Assert.That(_log.Lines.Last().Message, Does.Contain("Failed InvalidDataException"));
        Assert.That(_log.Lines.Select(l => l.Message), Has.None.Contains(Secret).And.None.Contains("xAmzRequestId"));
    }

    /// <summary>A monotonic clock that moves only when a test moves it.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    private sealed class Stepping(SteppingClock clock, TimeSpan by) : IObjectLambdaFunction
    {
        public Task<string?> InvokeAsync(ObjectLambdaInvocation invocation, CancellationToken cancellationToken)
        {
            clock.Advance(by);
            return Task.FromResult<string?>(null);
        }
    }
}
