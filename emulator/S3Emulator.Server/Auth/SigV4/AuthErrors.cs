using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// The S3 authentication failures with the texts and detail elements S3 sends. Details never contain
/// a secret or a signing key: only the access key id, strings to sign and canonical requests, SSE-C keys withheld.
/// </summary>
internal static class AuthErrors
{
    public const string MalformedCredentialHeader =
        "The authorization header is malformed; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    public const string MalformedCredentialQuery =
        "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    public const string MissingQueryParameters =
        "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";

    public const string NegativeExpires = "X-Amz-Expires must be non-negative";

    public const string ExpiresTooLarge =
        "X-Amz-Expires must be less than a week (in seconds) that is, the given X-Amz-Expires must be less than 604800 seconds";

    public static S3Exception SignatureDoesNotMatch(string accessKeyId, string stringToSign, string signatureProvided, string? canonicalRequest)
    {
        stringToSign = WithheldSecrets.From(stringToSign);
        canonicalRequest = canonicalRequest is null ? null : WithheldSecrets.From(canonicalRequest);
        var details = new List<KeyValuePair<string, string>>
        {
            S3Exception.Detail("AWSAccessKeyId", accessKeyId),
            S3Exception.Detail("StringToSign", stringToSign),
            S3Exception.Detail("SignatureProvided", signatureProvided),
            S3Exception.Detail("StringToSignBytes", Hex.SpacedBytes(stringToSign)),
        };
        if (canonicalRequest is not null)
        {
            details.Add(S3Exception.Detail("CanonicalRequest", canonicalRequest));
            details.Add(S3Exception.Detail("CanonicalRequestBytes", Hex.SpacedBytes(canonicalRequest)));
        }

        return new S3Exception(S3Errors.SignatureDoesNotMatch, details);
    }

    /// <summary>A signature problem outside a string-to-sign compare (e.g. a chunk without its signature).</summary>
    public static S3Exception SignatureDoesNotMatch() => new(S3Errors.SignatureDoesNotMatch);

    public static S3Exception InvalidAccessKeyId(string accessKeyId) =>
        new(S3Errors.InvalidAccessKeyId, S3Exception.Detail("AWSAccessKeyId", accessKeyId));

    public static S3Exception RequestTimeTooSkewed(string requestTime, DateTimeOffset now) =>
        new(S3Errors.RequestTimeTooSkewed,
            S3Exception.Detail("RequestTime", requestTime),
            S3Exception.Detail("ServerTime", AmzDate.FormatForError(now)),
            S3Exception.Detail("MaxAllowedSkewMilliseconds", "900000"));

    public static S3Exception HeaderMalformed(string reason) =>
        new(S3Errors.AuthorizationHeaderMalformed("The authorization header is malformed; " + reason));

    public static S3Exception HeaderRegionWrong(string region, string expected) =>
        new(S3Errors.AuthorizationHeaderMalformed($"The authorization header is malformed; the region '{region}' is wrong; expecting '{expected}'"),
            S3Exception.Detail("Region", expected));

    public static S3Exception QueryError(string message) => new(S3Errors.AuthorizationQueryParametersError(message));

    public static S3Exception QueryRegionWrong(string region, string expected) =>
        new(S3Errors.AuthorizationQueryParametersError($"Error parsing the X-Amz-Credential parameter; the region '{region}' is wrong; expecting '{expected}'"),
            S3Exception.Detail("Region", expected));

    /// <summary>S3's answer to a SigV2-signed request (header or query) for a bucket that accepts only SigV4.</summary>
    public static S3Exception SignatureV2NotSupported() =>
        new(S3Errors.InvalidRequest("The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."));

    public static S3Exception UnsupportedAuthorization() => new(S3Errors.InvalidRequest("Please use AWS4-HMAC-SHA256."));

    public static S3Exception MissingDate() =>
        new(S3Errors.AccessDeniedBecause("AWS authentication requires a valid Date or x-amz-date header"));

    public static S3Exception IncompleteBody() => new(S3Errors.IncompleteBody);
}
