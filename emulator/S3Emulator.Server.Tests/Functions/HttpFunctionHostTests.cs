using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Tests.Functions;

public sealed class HttpFunctionHostTests
{
    private const string Event = """{"xAmzRequestId":"r1","protocolVersion":"1.00"}""";

    private FunctionHttpClients _clients = null!;

    [SetUp]
    public void CreateClients() => _clients = new FunctionHttpClients();

    [TearDown]
    public void DisposeClients() => _clients.Dispose();

    private Task<HostResult> InvokeAsync(Uri url, TimeSpan? timeout = null, CancellationToken cancellationToken = default, string? role = null) =>
        new HttpFunctionHost(_clients, Issuer(), TimeProvider.System).InvokeAsync(FunctionTestKit.Resolved("fn", url, role: role, timeout: timeout), Event, cancellationToken);

    private static FunctionCredentialIssuer Issuer()
    {
        var options = FunctionTestKit.Options();
        return new FunctionCredentialIssuer(FunctionTestKit.Directory(options), new SessionTokenSealer(FunctionTestKit.MasterKey), TimeProvider.System);
    }

    [Test]
    public async Task Invoke_AFunctionWithARole_SendsTheRolesSessionCredentials_AsALambdaEnvironmentHasThem()
    {
        var received = new List<(string?, string?, string?)>();
        await using var function = await FunctionHttpServer.StartAsync(c =>
        {
            received.Add((c.Request.Headers[HttpFunctionCredentials.AccessKeyIdHeader], c.Request.Headers[HttpFunctionCredentials.SecretAccessKeyHeader],
                c.Request.Headers[HttpFunctionCredentials.SessionTokenHeader]));
            return c.Response.WriteAsync("null");
        });

        await InvokeAsync(function.Url, role: FunctionTestKit.RoleArn);
        await InvokeAsync(function.Url);

        var (accessKeyId, secret, token) = received[0];
        Assert.That(accessKeyId, Does.StartWith("ASIA"), "a session's access key id");
        Assert.That(secret, Is.Not.Empty);
        Assert.That(token, Is.Not.Empty);
        Assert.That(received[1], Is.EqualTo(((string?)null, (string?)null, (string?)null)), "a function without a role gets no credentials");
    }

    [Test]
    public async Task Invoke_PostsTheEventAsJson_AndAnswerOf200_IsTheReturnValue()
    {
        await using var function = await FunctionHttpServer.StartAsync(c => c.Response.WriteAsync("""{"statusCode":200}"""));

        var result = await InvokeAsync(function.Url);

        Assert.That(result, Is.EqualTo(new HostResult(FunctionOutcome.Returned, """{"statusCode":200}""", null)));
        Assert.That(function.Received.Single(), Is.EqualTo(("POST", (string?)"application/json", Event)));
    }

    [TestCase("")]
    [TestCase("null")]
    public async Task Invoke_AnAnswerWithoutAValue_ReturnsNoPayload(string body)
    {
        await using var function = await FunctionHttpServer.StartAsync(c => c.Response.WriteAsync(body));

        Assert.That(await InvokeAsync(function.Url), Is.EqualTo(new HostResult(FunctionOutcome.Returned, null, null)));
    }

    [Test]
    public async Task Invoke_AFunctionError_FailsWithTheErrorTypeOfTheBody()
    {
        await using var function = await FunctionHttpServer.StartAsync(c =>
        {
            c.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            return c.Response.WriteAsync("""{"errorType":"InvalidDataException","errorMessage":"bad input"}""");
        });

        Assert.That(await InvokeAsync(function.Url), Is.EqualTo(HostResult.Failed("InvalidDataException")));
    }

    [Test]
    public async Task Invoke_AFunctionErrorWithoutABodyToRead_FailsWithTheHeadersKind()
    {
        await using var function = await FunctionHttpServer.StartAsync(c =>
        {
            c.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            return Task.CompletedTask;
        });

        Assert.That(await InvokeAsync(function.Url), Is.EqualTo(HostResult.Failed("Unhandled")));
    }

    [Test]
    public async Task Invoke_AnAnswerOf500_Fails()
    {
        await using var function = await FunctionHttpServer.StartAsync(c =>
        {
            c.Response.StatusCode = 500;
            return c.Response.WriteAsync("Internal Server Error");
        });

        Assert.That(await InvokeAsync(function.Url), Is.EqualTo(HostResult.Failed(null)));
    }

    [Test]
    public async Task Invoke_ALambdaServiceError_FailsWithItsErrorType()
    {
        await using var function = await FunctionHttpServer.StartAsync(c =>
        {
            c.Response.StatusCode = 404;
            c.Response.Headers["x-amzn-ErrorType"] = "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.awsgirapi/";
            return c.Response.WriteAsync("""{"Type":"User","message":"Function not found"}""");
        });

        Assert.That(await InvokeAsync(function.Url), Is.EqualTo(HostResult.Failed("ResourceNotFoundException")));
    }

    [Test]
    public async Task Invoke_AnAnswerOverLambdasPayloadLimit_Fails()
    {
        await using var function = await FunctionHttpServer.StartAsync(c => c.Response.Body.WriteAsync(new byte[HttpFunctionHost.MaxPayloadBytes + 1]).AsTask());

        Assert.That(await InvokeAsync(function.Url), Is.EqualTo(HostResult.Failed(HttpFunctionHost.ResponseTooLargeErrorType)));
    }

    [Test]
    public async Task Invoke_APortNothingListensOn_IsUnreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.That(await InvokeAsync(new Uri($"http://127.0.0.1:{port}/fn")), Is.EqualTo(HostResult.Unreachable));
    }

    [Test]
    public async Task Invoke_AFunctionThatNeverAnswers_TimesOutAtItsTimeout()
    {
        await using var function = await FunctionHttpServer.StartAsync(c => Task.Delay(Timeout.Infinite, c.RequestAborted));
        var watch = Stopwatch.StartNew();

        var result = await InvokeAsync(function.Url, TimeSpan.FromMilliseconds(300));

        Assert.That(result, Is.EqualTo(HostResult.TimedOut));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)).And.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task Invoke_AFunctionThatStallsMidAnswer_TimesOut()
    {
        await using var function = await FunctionHttpServer.StartAsync(async c =>
        {
            await c.Response.WriteAsync("""{"partial":""");
            await c.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, c.RequestAborted);
        });

        Assert.That(await InvokeAsync(function.Url, TimeSpan.FromMilliseconds(300)), Is.EqualTo(HostResult.TimedOut));
    }

    [Test]
    public async Task Invoke_WhenTheCallerGivesUp_IsCancelled_NotATimeout()
    {
        await using var function = await FunctionHttpServer.StartAsync(c => Task.Delay(Timeout.Infinite, c.RequestAborted));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(async () => await InvokeAsync(function.Url, TimeSpan.FromSeconds(30), caller.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
