namespace S3Emulator.Core.Errors;

/// <summary>
/// The errors of requests through S3 Object Lambda access points and of WriteGetObjectResponse. Codes follow the
/// "S3 Object Lambda error codes" of AWS's ErrorResponses page where it names them; where AWS documents no code
/// (HTTPS, SSE-C, a function that throws or times out) the choice is listed in docs/object-lambda.md.
/// </summary>
public static partial class S3Errors
{
    public static readonly S3Error ObjectLambdaAnonymous = new("AccessDenied", 403,
        "Anonymous requests are not supported by S3 Object Lambda: sign the request.");
    public static readonly S3Error ObjectLambdaNotSignedForObjectLambda = new("AccessDenied", 403,
        "Requests to an S3 Object Lambda access point by its ARN must be signed for the s3-object-lambda service; anonymous requests are not supported.");
    public static readonly S3Error ObjectLambdaRequiresHttps = new("InvalidRequest", 400,
        "S3 Object Lambda accepts requests over HTTPS only.");
    public static readonly S3Error ObjectLambdaSseC = new("InvalidRequest", 400,
        "S3 Object Lambda does not support server-side encryption with customer-provided keys: remove the x-amz-server-side-encryption-customer-* headers.");
    public static readonly S3Error NoSuchObjectLambdaAccessPoint = new("NoSuchAccessPoint", 404,
        "The specified Object Lambda access point does not exist.");
    public static readonly S3Error LambdaNotFound = new("LambdaNotFound", 404, "The requested lambda resource does not exist.");
    public static readonly S3Error LambdaPermissionError = new("LambdaPermissionError", 403, "You do not have permission to invoke this lambda.");
    public static readonly S3Error LambdaInvocationFailed = new("LambdaInvocationFailed", 400, "The object lambda invocation failed.");
    public static readonly S3Error LambdaInvalidResponse = new("LambdaInvalidResponse", 400, "The object lambda returned an invalid response.");
    public static readonly S3Error LambdaResponseNotReceived = new("LambdaResponseNotReceived", 500,
        "No response was received from the object lambda: it ended without calling WriteGetObjectResponse.");
    public static readonly S3Error LambdaRuntimeError = new("LambdaRuntimeError", 500, "The object lambda failed while it ran.");
    public static readonly S3Error LambdaTimeout = new("LambdaTimeout", 500, "The object lambda did not respond within its timeout.");

    /// <summary>WriteGetObjectResponse's route or token is unknown, already used, or for a request that has ended.</summary>
    public static readonly S3Error InvalidRequestToken = new("InvalidRequest", 400,
        "The x-amz-request-route and x-amz-request-token do not name a pending S3 Object Lambda request (unknown, already used or expired).");

    /// <summary>The caller may not invoke the function; <paramref name="because"/> says which decision refused it.</summary>
    public static S3Error LambdaPermissionErrorBecause(string because) => LambdaPermissionError with { Message = $"{LambdaPermissionError.Message} {because}" };

    /// <summary>The error a function answers with (WriteGetObjectResponse's <c>x-amz-fwd-error-code</c>, a HEAD or List return value's <c>errorCode</c>).</summary>
    public static S3Error FunctionAnswered(string code, int status, string message) => new(code, status, message);

    /// <summary>A WriteGetObjectResponse header S3 refuses, with why.</summary>
    public static S3Error InvalidWriteGetObjectResponse(string message) => new("InvalidArgument", 400, message);

    /// <summary>The Range or partNumber feature is not in the access point's AllowedFeatures.</summary>
    public static S3Error ObjectLambdaFeatureNotAllowed(string feature) => new("NotImplemented", 501,
        $"A header or operation you provided implies functionality that is not implemented: {feature} is not in the Object Lambda access point's AllowedFeatures.");
}
