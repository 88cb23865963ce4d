using S3Emulator.Core.Errors;
using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// The caller's error when a function did not answer as it must: ended without WriteGetObjectResponse (GET), threw,
/// ran out of time, is not hosted anywhere, or could not be reached. docs/object-lambda.md lists the choices.
/// </summary>
internal static class FunctionFailures
{
    /// <summary>The error for <paramref name="response"/>; a GET that merely returned gets LambdaResponseNotReceived.</summary>
    public static S3Exception For(FunctionResponse response) => new(response.Outcome switch
    {
        FunctionOutcome.Returned => S3Errors.LambdaResponseNotReceived,
        FunctionOutcome.Failed => S3Errors.LambdaRuntimeError,
        FunctionOutcome.TimedOut => S3Errors.LambdaTimeout,
        FunctionOutcome.NotFound => S3Errors.LambdaNotFound,
        _ => S3Errors.LambdaInvocationFailed,
    });
}
