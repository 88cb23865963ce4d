using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Sts;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Services.Sts;

/// <summary>
/// Serves STS's query API (<c>POST /</c>, form body, signing name <c>sts</c>) on the S3 host, so that
/// <c>AmazonSecurityTokenServiceClient</c> pointed at the emulator assumes its roles. Only the credential scope tells
/// STS from S3; every other request passes through. Errors are STS's <c>&lt;ErrorResponse&gt;</c>, rendered here.
/// </summary>
internal sealed class StsApiMiddleware(
    RequestDelegate next,
    SecurityTokenService sts,
    StsAuthentication authentication,
    RequestJournal journal,
    TimeProvider time,
    S3EmulatorOptions options,
    ILogger<StsApiMiddleware> logger)
{
    private const string ContentType = "text/xml";
    private const string RequestIdHeader = "x-amzn-RequestId";

    // An AssumeRole form is a few KiB at most (policy ≤ 2048 characters, 50 tags).
    private const int MaxBodyBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && StsAuthentication.SigningServiceOf(context.Request) == StsAuthentication.SigningName
            ? ServeAsync(context)
            : next(context);

    private async Task ServeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString("D");
        var rawTarget = RawRequestTarget.Of(context);
        var journalName = "sts:Unknown";
        S3Principal? principal = null;
        string? errorCode = null;
        try
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var form = StsForm.Parse(body);
            journalName = "sts:" + (SecurityTokenService.ActionOf(form) is { Length: > 0 } action ? action : "Unknown");
            principal = authentication.Authenticate(context, rawTarget, body);
            var xml = sts.Handle(new StsCall(form, principal.Identity, requestId, TransportContext(context)));
            await WriteAsync(context, requestId, StatusCodes.Status200OK, xml).ConfigureAwait(false);
        }
        catch (StsException exception) when (!context.Response.HasStarted)
        {
            errorCode = exception.Error.Code;
            await WriteErrorAsync(context, requestId, exception.Error).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            Log.UnhandledFailure(logger, exception, journalName);
            errorCode = StsErrors.InternalFailure.Code;
            await WriteErrorAsync(context, requestId, StsErrors.InternalFailure).ConfigureAwait(false);
        }
        finally
        {
            // The operation, caller and outcome only: never the session's secret or token.
            var elapsed = Stopwatch.GetElapsedTime(started);
            journal.Record(new JournalEntry(time.GetUtcNow(), requestId, context.Request.Method, journalName, null, null, principal?.Arn,
                context.Response.StatusCode, errorCode, elapsed));
            RequestLogLine.Write(logger, options.RequestLog, context.Request.Method, rawTarget, journalName, principal?.Arn,
                context.Response.StatusCode, errorCode, elapsed);
        }
    }

    // What only the transport knows; STS adds the keys of the call itself.
    private static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> TransportContext(HttpContext context)
    {
        var keys = new List<KeyValuePair<string, IReadOnlyList<string>>>
        {
            KeyValuePair.Create("aws:SecureTransport", (IReadOnlyList<string>)[context.Request.IsHttps ? "true" : "false"]),
        };
        if (context.Connection.RemoteIpAddress is IPAddress address)
        {
            keys.Add(KeyValuePair.Create("aws:SourceIp", (IReadOnlyList<string>)[address.ToString()]));
        }

        return keys;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) throw new StsException(StsErrors.RequestTooLarge(MaxBodyBytes));
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task WriteErrorAsync(HttpContext context, string requestId, StsError error)
    {
        context.Response.Clear();
        return WriteAsync(context, requestId, error.StatusCode, StsXml.ErrorResponse(error, requestId));
    }

    private static Task WriteAsync(HttpContext context, string requestId, int status, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        context.Response.StatusCode = status;
        context.Response.Headers[RequestIdHeader] = requestId;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
