using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// The one envelope around every request, whatever the service: route it (<see cref="FrontRouter"/>), give it an id,
/// put the client's body under every reader (<see cref="ClientRequestBody"/>), let the service serve it, clear
/// what it began and have it render any failure in its own shape, cut the connection when a failure
/// comes after the response started, and record the exchange in the journal and the request log. Terminal.
/// </summary>
internal sealed class RequestEnvelope
{
    private readonly FrontRouter _router;
    private readonly FrozenDictionary<ServiceKind, IEmulatorService> _services;
    private readonly RequestJournal _journal;
    private readonly S3EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RequestEnvelope> _logger;

    public RequestEnvelope(
        FrontRouter router, IEnumerable<IEmulatorService> services, RequestJournal journal, S3EmulatorOptions options, TimeProvider time,
        ILogger<RequestEnvelope> logger)
    {
        _router = router;
        _services = services.ToFrozenDictionary(s => s.Kind);
        _journal = journal;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var rawTarget = RawRequestTarget.Of(context);
        var request = context.Request;
        var kind = _router.Route(new RoutingFacts(request.Method, request.Host.Value ?? "", rawTarget,
            request.Headers["X-Amz-Target"].FirstOrDefault(), SigningServiceName.Of(request, rawTarget),
            request.Headers["x-amz-account-id"].FirstOrDefault()));
        // A service this emulator does not serve yet answers in S3's words, naming what is missing.
        var service = _services.GetValueOrDefault(kind) ?? _services[ServiceKind.S3];
        var clientBody = ClientRequestBody.Install(context);
        var exchange = new ServiceExchange(context, kind, rawTarget, service.NewRequestId());
        using var inFlight = service.IsRecorded ? _journal.Begin(static state => AnswerStarted((HttpContext)state), context) : null;
        try
        {
            if (service.Kind != kind) throw new S3Exception(S3Errors.NotImplemented($"the {kind} API"));
            await service.ServeAsync(exchange).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            clientBody.CloseConnectionIfBodyIsPending(context);
            exchange.ErrorCode = await service.WriteErrorAsync(exchange, exception).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Headers are gone: the only honest signal left is a broken connection, never a truncated 200.
            Log.ResponseAborted(_logger, exception, exchange.Operation);
            exchange.ErrorCode = "Aborted";
            context.Abort();
        }
        finally
        {
            if (inFlight is not null) Record(exchange, Stopwatch.GetElapsedTime(started));
        }
    }

    // A request the test host gave up on (its client aborted) has a disposed context: its answer is not the client's.
    private static bool AnswerStarted(HttpContext context)
    {
        try
        {
            return context.Response.HasStarted;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    // Only the operation, resource names, caller and outcome: never a secret, a key or a body.
    private void Record(ServiceExchange exchange, TimeSpan elapsed)
    {
        var context = exchange.Http;
        _journal.Record(new JournalEntry(_time.GetUtcNow(), exchange.RequestId, context.Request.Method, exchange.Operation, exchange.Bucket,
            exchange.Key, exchange.Principal?.Arn, context.Response.StatusCode, exchange.ErrorCode, elapsed, [.. exchange.Decisions], exchange.Invocation));
        RequestLogLine.Write(_logger, _options.RequestLog, context.Request.Method, exchange.RawTarget, exchange.Operation, exchange.Principal?.Arn,
            context.Response.StatusCode, exchange.ErrorCode, elapsed);
    }
}
