using Microsoft.Extensions.Logging;
using S3Emulator.Server.Diagnostics;

namespace S3Emulator.Server.Functions;

/// <summary>
/// The emulator's <see cref="IFunctionInvoker"/>: resolves the configured name (<see cref="FunctionRegistry"/>), runs
/// the function on its host (<see cref="LocalFunctionHost"/>, <see cref="HttpFunctionHost"/>), times it with the
/// emulator's clock and logs one line per invocation, without the event or the payload.
/// </summary>
internal sealed class FunctionInvoker(
    FunctionRegistry registry, LocalFunctionHost local, HttpFunctionHost http, TimeProvider time, ILogger<FunctionInvoker> logger)
    : IFunctionInvoker
{
    public async Task<FunctionResponse> InvokeAsync(string functionArn, string eventJson, Uri emulatorUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(functionArn);
        ArgumentNullException.ThrowIfNull(eventJson);
        ArgumentNullException.ThrowIfNull(emulatorUrl);
        var started = time.GetTimestamp();
        var (region, account) = ObjectLambdaEventScope.Of(eventJson);
        FunctionResponse response;
        if (!registry.TryResolve(functionArn, region, account, out var resolved))
        {
            response = new FunctionResponse(functionArn, null, FunctionOutcome.NotFound, null, null, time.GetElapsedTime(started));
        }
        else
        {
            var kind = resolved.Function.HostKind;
            var result = kind == FunctionHostKind.Http
                ? await http.InvokeAsync(resolved, eventJson, cancellationToken).ConfigureAwait(false)
                : await local.InvokeAsync(resolved, eventJson, emulatorUrl, cancellationToken).ConfigureAwait(false);
            response = new FunctionResponse(resolved.Arn, kind, result.Outcome, result.PayloadJson, result.ErrorType, time.GetElapsedTime(started));
        }

        Log.FunctionInvoked(logger, response.FunctionArn, response.HostKind?.ToString() ?? "no host", response.Outcome.ToString(),
            response.ErrorType ?? "", response.Duration.TotalMilliseconds);
        return response;
    }
}
