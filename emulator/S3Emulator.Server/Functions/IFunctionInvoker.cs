namespace S3Emulator.Server.Functions;

/// <summary>
/// The one way the Object Lambda data path runs a function, whatever hosts it: resolves the configured function ARN,
/// hands the execution role's credentials to local hosts, applies the function's timeout, and turns every failure
/// into a <see cref="FunctionResponse"/> (never throws for the function's own faults).
/// </summary>
internal interface IFunctionInvoker
{
    /// <summary>Invokes <paramref name="functionArn"/> (as written in the Object Lambda configuration) with <paramref name="eventJson"/>.</summary>
    /// <param name="emulatorUrl">Where the function's clients reach the emulator (the request's public URL).</param>
    /// <param name="cancellationToken">The caller's request; cancelling it abandons the invocation.</param>
    Task<FunctionResponse> InvokeAsync(string functionArn, string eventJson, Uri emulatorUrl, CancellationToken cancellationToken);
}

/// <summary>How an invocation ended.</summary>
/// <param name="FunctionArn">The function's full ARN (resolved from the configured name or partial ARN); as given when not found.</param>
/// <param name="HostKind">Which host ran it; null when no host knows the function.</param>
/// <param name="Outcome">Returned, failed (threw / error answer), timed out, not found or unreachable.</param>
/// <param name="PayloadJson">The function's return value as JSON when it returned; null otherwise or for none.</param>
/// <param name="ErrorType">The function's error type (exception type, Lambda's <c>errorType</c>) when it failed.</param>
/// <param name="Duration">How long the invocation took.</param>
internal sealed record FunctionResponse(
    string FunctionArn,
    FunctionHostKind? HostKind,
    FunctionOutcome Outcome,
    string? PayloadJson,
    string? ErrorType,
    TimeSpan Duration);

/// <summary>The ways an invocation ends.</summary>
internal enum FunctionOutcome
{
    Returned,
    Failed,
    TimedOut,
    NotFound,
    Unreachable,
}
