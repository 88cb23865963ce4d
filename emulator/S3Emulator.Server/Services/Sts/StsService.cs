using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Sts;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Services.Sts;

/// <summary>
/// Serves STS's query API (<c>POST /</c>, form body, signing name <c>sts</c>) on the S3 host, so that
/// <c>AmazonSecurityTokenServiceClient</c> pointed at the emulator assumes its roles. Errors are STS's
/// <c>&lt;ErrorResponse&gt;</c> (query XML), rendered here and only here.
/// </summary>
internal sealed class StsService(SecurityTokenService sts, StsAuthentication authentication, S3EmulatorOptions options, ILogger<StsService> logger)
    : IEmulatorService
{
    private const string ContentType = "text/xml";

    // An AssumeRole form is a few KiB at most (policy ≤ 2048 characters, 50 tags).
    private const int MaxBodyBytes = 64 * 1024;

    public ServiceKind Kind => ServiceKind.Sts;

    public string NewRequestId() => Guid.NewGuid().ToString("D");

    public async Task ServeAsync(ServiceExchange exchange)
    {
        var context = exchange.Http;
        var body = await SmallRequestBody.ReadAsync(context.Request, MaxBodyBytes, () => new StsException(StsErrors.RequestTooLarge(MaxBodyBytes)), context.RequestAborted).ConfigureAwait(false);
        var form = StsForm.Parse(body);
        // The action, caller and outcome are recorded: never the session's secret or token.
        exchange.Operation = "sts:" + (SecurityTokenService.ActionOf(form) is { Length: > 0 } action ? action : "Unknown");
        exchange.Principal = authentication.Authenticate(context, exchange.RawTarget, body);
        var xml = sts.Handle(new StsCall(form, exchange.Principal.Identity, exchange.RequestId, TransportContext(context),
            (action, decision) => exchange.Decisions.Add(new RecordedDecision(action, decision)), options.ExplainDenials));
        await TextResponse.WriteAsync(context, exchange.RequestId, StatusCodes.Status200OK, ContentType, xml).ConfigureAwait(false);
    }

    public async Task<string> WriteErrorAsync(ServiceExchange exchange, Exception failure)
    {
        var error = failure is StsException stsFailure ? stsFailure.Error : null;
        if (error is null)
        {
            Log.UnhandledFailure(logger, failure, exchange.Operation);
            error = StsErrors.InternalFailure;
        }

        await TextResponse.WriteAsync(exchange.Http, exchange.RequestId, error.StatusCode, ContentType, StsXml.ErrorResponse(error, exchange.RequestId)).ConfigureAwait(false);
        return error.Code;
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
}
