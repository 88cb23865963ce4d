using System.Net.Http.Headers;

namespace S3Emulator.Server.Functions;

/// <summary>
/// The execution role's session credentials an HTTP function receives with each invocation, as a Lambda's environment
/// gives them (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>): a function host in another
/// process or on the other side of a container boundary then acts as the function's role exactly as an in-process or
/// plug-in function does, without a principal of its own that the role's trust policy must name. Only a function
/// configured with a <see cref="Hosting.FunctionOptions.Role"/> gets them; one registered at run time has none.
/// </summary>
internal static class HttpFunctionCredentials
{
    public const string AccessKeyIdHeader = "X-S3Emulator-Function-Access-Key-Id";
    public const string SecretAccessKeyHeader = "X-S3Emulator-Function-Secret-Access-Key";
    public const string SessionTokenHeader = "X-S3Emulator-Function-Session-Token";

    /// <summary>Adds the credentials to the invocation request; nothing for null.</summary>
    public static void Apply(HttpRequestHeaders headers, FunctionCredentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (credentials is null) return;
        headers.TryAddWithoutValidation(AccessKeyIdHeader, credentials.AccessKeyId);
        headers.TryAddWithoutValidation(SecretAccessKeyHeader, credentials.SecretAccessKey);
        headers.TryAddWithoutValidation(SessionTokenHeader, credentials.SessionToken);
    }
}
