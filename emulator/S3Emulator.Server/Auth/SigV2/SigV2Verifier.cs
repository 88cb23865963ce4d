using System.Globalization;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Auth.SigV2;

/// <summary>
/// Verifies Signature Version 2 in the <c>Authorization: AWS AKID:signature</c> header and in the
/// <c>AWSAccessKeyId</c>/<c>Signature</c>/<c>Expires</c> query, with S3's checks in S3's order: the form, the
/// date (clock skew for the header, expiry for the query), the access key, the signature.
/// </summary>
internal sealed class SigV2Verifier(SigningCredentials credentials, TimeProvider time)
{
    public const string HeaderScheme = "AWS ";
    public const string AccessKeyParameter = "AWSAccessKeyId";
    public const string SignatureParameter = "Signature";
    public const string ExpiresParameter = "Expires";

    /// <summary>True for <c>Authorization: AWS …</c> (SigV4's scheme is <c>AWS4-HMAC-SHA256</c>).</summary>
    public static bool IsHeader(string authorization) => authorization.StartsWith(HeaderScheme, StringComparison.Ordinal);

    /// <summary>True when the query attempts SigV2 query authentication.</summary>
    public static bool IsQuery(RequestTarget target) => target.Has(AccessKeyParameter) || target.Has(SignatureParameter);

    public (S3Credential Credential, SessionClaims? Session) VerifyHeader(HttpRequest request, RequestTarget target, string authorization, string? virtualHostedBucket)
    {
        var credentialPart = authorization[HeaderScheme.Length..];
        var colon = credentialPart.IndexOf(':', StringComparison.Ordinal);
        if (credentialPart.StartsWith(' ') || colon < 0 || colon == credentialPart.Length - 1
            || credentialPart.IndexOf(':', colon + 1) >= 0)
        {
            throw new S3Exception(
                S3Errors.InvalidArgument("AWS authorization header is invalid.  Expected AwsAccessKeyId:signature"),
                S3Exception.Detail("ArgumentName", "Authorization"),
                S3Exception.Detail("ArgumentValue", authorization));
        }

        var accessKeyId = credentialPart[..colon];
        var signature = credentialPart[(colon + 1)..];
        var amzDate = RequestHeaders.Get(request, "x-amz-date");
        var date = amzDate ?? RequestHeaders.Get(request, "date");
        if (!TryParseDate(date, out var requestTime))
        {
            throw AuthErrors.MissingDate();
        }

        RequestClock.EnsureWithinSkew(date!, requestTime, time.GetUtcNow());
        // An x-amz-date is signed among the x-amz-* headers; the Date line is then empty.
        return Verify(request, target, virtualHostedBucket, accessKeyId, signature, amzDate is null ? date! : string.Empty);
    }

    public (S3Credential Credential, SessionClaims? Session) VerifyQuery(HttpRequest request, RequestTarget target, string? virtualHostedBucket)
    {
        var accessKeyId = target.Get(AccessKeyParameter);
        var expiresText = target.Get(ExpiresParameter);
        var signature = target.Get(SignatureParameter);
        if (accessKeyId is null || expiresText is null || signature is null)
        {
            throw new S3Exception(S3Errors.AccessDeniedBecause(
                "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters"));
        }

        if (!long.TryParse(expiresText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expiresSeconds)
            || expiresSeconds is < -62_135_596_800 or > 253_402_300_799)
        {
            throw new S3Exception(S3Errors.AccessDeniedBecause($"Invalid date (should be seconds since epoch): {expiresText}"));
        }

        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresSeconds);
        if (now > expires)
        {
            throw new S3Exception(
                S3Errors.AccessDeniedBecause("Request has expired"),
                S3Exception.Detail("Expires", AmzDate.FormatForError(expires)),
                S3Exception.Detail("ServerTime", AmzDate.FormatForError(now)));
        }

        // A '+' the client left unencoded was read as part of the value; base64 has no spaces, so none is lost.
        return Verify(request, target, virtualHostedBucket, accessKeyId, signature.Replace(' ', '+'), expiresText);
    }

    private (S3Credential Credential, SessionClaims? Session) Verify(
        HttpRequest request, RequestTarget target, string? virtualHostedBucket, string accessKeyId, string signature, string dateLine)
    {
        // Session credentials sign SigV2 too: the token comes as the x-amz-security-token header or query parameter.
        var token = RequestHeaders.Get(request, SigningCredentials.TokenHeader) ?? target.Get(SigningCredentials.TokenHeader);
        var (credential, session) = credentials.Resolve(accessKeyId, token);

        var stringToSign = SigV2StringToSign.Build(request, dateLine, SigV2CanonicalResource.Build(target.RawPath, target.RawQuery, virtualHostedBucket));
        if (SigV2StringToSign.SignatureEquals(SigV2StringToSign.Sign(credential.SecretAccessKey, stringToSign), signature))
        {
            return (credential, session);
        }

        // botocore signs a path-style bucket request as "/bucket/" while it sends "/bucket"; accept that form too.
        if (virtualHostedBucket is null && IsBucketPath(target.RawPath))
        {
            var withSlash = SigV2StringToSign.Build(request, dateLine, SigV2CanonicalResource.Build(target.RawPath + "/", target.RawQuery, null));
            if (SigV2StringToSign.SignatureEquals(SigV2StringToSign.Sign(credential.SecretAccessKey, withSlash), signature))
            {
                return (credential, session);
            }
        }

        throw AuthErrors.SignatureDoesNotMatch(accessKeyId, stringToSign, signature, canonicalRequest: null);
    }

    private static bool IsBucketPath(string rawPath) => rawPath.Length > 1 && rawPath.IndexOf('/', 1) < 0;

    // The Date header (RFC 1123) or x-amz-date in that form or SigV4's basic form.
    private static bool TryParseDate(string? value, out DateTimeOffset time) =>
        AmzDate.TryParseHttpDate(value, out time)
        || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time)
        || AmzDate.TryParse(value, out time);
}
