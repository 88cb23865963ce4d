using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Kms;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Services.Kms;

/// <summary>
/// Serves the KMS JSON 1.1 API (<c>POST /</c> with <c>X-Amz-Target: TrentService.*</c>) on the S3 host, so that
/// <c>AmazonKeyManagementServiceClient</c> pointed at the emulator manages the very keys SSE-KMS uses.
/// S3 never sends <c>X-Amz-Target</c>, so that header alone tells the two APIs apart; every other request
/// passes through. Errors are KMS JSON (<c>{"__type","message"}</c>), rendered here and only here.
/// </summary>
internal sealed class KmsApiMiddleware(
    RequestDelegate next,
    MockKeyManagementService kms,
    KmsAuthentication authentication,
    RequestJournal journal,
    TimeProvider time,
    S3EmulatorOptions options,
    ILogger<KmsApiMiddleware> logger)
{
    private const string TargetHeader = "X-Amz-Target";
    private const string ContentType = "application/x-amz-json-1.1";
    private const string RequestIdHeader = "x-amzn-RequestId";

    // KMS requests are small (Plaintext ≤ 4096 bytes, blobs ≤ 6144); anything far larger is not KMS.
    private const int MaxBodyBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Request.Headers[TargetHeader].ToString();
        return HttpMethods.IsPost(context.Request.Method) && target.StartsWith(KmsOperations.TargetPrefix, StringComparison.Ordinal)
            ? ServeAsync(context, target[KmsOperations.TargetPrefix.Length..])
            : next(context);
    }

    private async Task ServeAsync(HttpContext context, string operationName)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString("D");
        var known = KmsOperations.TryGet(operationName, out var operation);
        var journalName = "kms:" + (known ? operationName : "Unknown");
        var rawTarget = RawRequestTarget.Of(context);
        S3Principal? principal = null;
        string? errorCode = null;
        try
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            principal = authentication.Authenticate(context, rawTarget, body);
            if (!known)
            {
                throw new KmsException("UnknownOperationException", "");
            }

            var response = operation!(KmsJsonRequest.Parse(body), kms);
            await WriteAsync(context, requestId, StatusCodes.Status200OK, response?.ToJsonString() ?? "").ConfigureAwait(false);
        }
        catch (KmsException exception) when (!context.Response.HasStarted)
        {
            errorCode = exception.Type;
            await WriteErrorAsync(context, requestId, exception).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            Log.UnhandledFailure(logger, exception, journalName);
            errorCode = "KMSInternalException";
            await WriteErrorAsync(context, requestId, new KmsException(errorCode, "An internal error occurred.", 500)).ConfigureAwait(false);
        }
        finally
        {
            // Only the operation, caller and outcome: never plaintext, blobs or key material.
            var elapsed = Stopwatch.GetElapsedTime(started);
            journal.Record(new JournalEntry(time.GetUtcNow(), requestId, context.Request.Method, journalName, null, null, principal?.Arn,
                context.Response.StatusCode, errorCode, elapsed));
            RequestLogLine.Write(logger, options.RequestLog, context.Request.Method, rawTarget, journalName, principal?.Arn,
                context.Response.StatusCode, errorCode, elapsed);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new KmsException("ValidationException", $"The request body is larger than the {MaxBodyBytes} bytes any KMS request needs.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task WriteErrorAsync(HttpContext context, string requestId, KmsException exception)
    {
        context.Response.Clear();
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = exception.Type, ["message"] = exception.Message });
        return WriteAsync(context, requestId, exception.StatusCode, body);
    }

    private static Task WriteAsync(HttpContext context, string requestId, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.Headers[RequestIdHeader] = requestId;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
