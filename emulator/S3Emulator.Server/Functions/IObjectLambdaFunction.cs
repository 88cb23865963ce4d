namespace S3Emulator.Server.Functions;

/// <summary>
/// A Lambda function hosted beside the emulator (in the test process, or loaded from a plug-in folder): the emulator
/// calls it synchronously, as S3 Object Lambda invokes a Lambda, with the event JSON. The in-process fixture and the
/// plug-in host adapt transforms written against <c>S3Emulator.Transforms</c> to this.
/// </summary>
public interface IObjectLambdaFunction
{
    /// <summary>
    /// Runs the function. Returns its return value as JSON (HEAD and List answers are read from it; a GET's is
    /// ignored), or null for none. An exception is the function's error (the caller then gets a 500).
    /// </summary>
    Task<string?> InvokeAsync(ObjectLambdaInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>What one invocation of a locally hosted function receives.</summary>
/// <param name="FunctionArn">The function's full ARN, as the Object Lambda configuration resolved it.</param>
/// <param name="EventJson">The S3 Object Lambda event, exactly the JSON a Lambda receives.</param>
/// <param name="Credentials">
/// Session credentials of the function's execution role, as a Lambda's environment gives them; null when the
/// function has no role configured (its WriteGetObjectResponse is then anonymous and denied, as on AWS).
/// </param>
/// <param name="EmulatorUrl">Where a client of this function reaches the emulator (scheme, host and port).</param>
public sealed record ObjectLambdaInvocation(string FunctionArn, string EventJson, FunctionCredentials? Credentials, Uri EmulatorUrl);

/// <summary>Temporary credentials of an execution role (an STS session), for signing the function's own requests.</summary>
public sealed record FunctionCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken)
{
    /// <summary>Omits the secret and the token, so that credentials never leak through logs or messages.</summary>
    public override string ToString() => $"FunctionCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
