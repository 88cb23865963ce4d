using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// What the journal records of a request's function invocation: never the event, a key or a body.
/// </summary>
/// <param name="FunctionArn">The function, as resolved.</param>
/// <param name="HostKind">Where it ran; null when no host knew it.</param>
/// <param name="Outcome">Returned, failed, timed out, not found or unreachable; null when the answer was written before the function ended.</param>
/// <param name="Duration">How long the invocation took (or had taken when the answer was written).</param>
/// <param name="WriteGetObjectResponseStatus">The status a GET's WriteGetObjectResponse forwarded; null when none arrived.</param>
public sealed record ObjectLambdaInvocationRecord(
    string FunctionArn, FunctionHostKind? HostKind, string? Outcome, TimeSpan Duration, int? WriteGetObjectResponseStatus);
