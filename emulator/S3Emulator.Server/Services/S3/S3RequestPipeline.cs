using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3;

/// <summary>
/// The terminal S3 request pipeline: classify the raw target, authenticate, dispatch to a handler, write the
/// result. It is the only place that catches: every failure becomes S3's XML error.
/// </summary>
internal sealed class S3RequestPipeline(
    S3EmulatorOptions options,
    S3RequestClassifier classifier,
    RequestAuthenticator authenticator,
    IObjectStore store,
    RequestJournal journal,
    ObjectEncryptor encryptor,
    TimeProvider time,
    ILogger<S3RequestPipeline> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 8));
        var hostId = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        context.Response.Headers[S3Headers.RequestId] = requestId;
        context.Response.Headers[S3Headers.HostId] = hostId;
        // S3 takes single PUTs of up to 5 GiB; Kestrel's 30 MB default would cut them off.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;

        var rawTarget = RawRequestTarget.Of(context);
        var clientBody = ClientRequestBody.Install(context);
        S3Request? request = null;
        S3Principal? principal = null;
        string? errorCode = null;
        try
        {
            request = classifier.Classify(context.Request.Method, context.Request.Host.Value ?? "", rawTarget,
                context.Request.Headers.ContainsKey(S3Headers.CopySource));
            principal = authenticator.Authenticate(context, rawTarget, request.VirtualHosted ? request.Bucket : null);
            var s3Context = new S3RequestContext(context, request, principal, store, options, time, encryptor);
            var result = await S3Dispatcher.DispatchAsync(s3Context).ConfigureAwait(false);
            await S3ResultWriter.WriteAsync(context, result).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var s3Exception = exception as S3Exception ?? Translate(exception, request);
            errorCode = s3Exception.Error.Code;
            var resource = request?.Resource ?? rawTarget;
            context.Response.Clear();
            clientBody.CloseConnectionIfBodyIsPending(context);
            context.Response.Headers[S3Headers.RequestId] = requestId;
            context.Response.Headers[S3Headers.HostId] = hostId;
            await S3ResultWriter.WriteAsync(context, S3ErrorResult.From(s3Exception, resource, requestId, hostId)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Headers are gone: the only honest signal left is a broken connection, never a truncated 200.
            Log.ResponseAborted(logger, exception, request?.Operation.ToString() ?? "Unknown");
            errorCode = "Aborted";
            context.Abort();
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var operation = request?.Operation.ToString() ?? "Unknown";
            journal.Record(new JournalEntry(time.GetUtcNow(), requestId, context.Request.Method, operation, request?.Bucket,
                request?.Key, principal?.Arn, context.Response.StatusCode, errorCode, elapsed));
            RequestLogLine.Write(logger, options.RequestLog, context.Request.Method, rawTarget, operation, principal?.Arn,
                context.Response.StatusCode, errorCode, elapsed);
        }
    }

    private S3Exception Translate(Exception exception, S3Request? request)
    {
        switch (exception)
        {
            case BadHttpRequestException:
                // Only reading the request throws it: the client sent fewer bytes than it announced.
                return new S3Exception(S3Errors.IncompleteBody);
            default:
                // A failed read of the client's body is IncompleteBody already (ClientRequestBody): an IOException
                // here is the server's own (disk full, permissions), logged and answered as S3 answers its own faults.
                Log.UnhandledFailure(logger, exception, request?.Operation.ToString() ?? "Unknown");
                return new S3Exception(S3Errors.InternalError);
        }
    }
}
