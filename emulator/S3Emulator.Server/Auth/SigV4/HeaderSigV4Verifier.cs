using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>Verifies SigV4 in the <c>Authorization</c> header, with S3's checks in S3's order.</summary>
internal sealed class HeaderSigV4Verifier(SigningCredentials credentials, SigningKeyCache keys, TimeProvider time, string region)
{
    /// <param name="request">The request.</param>
    /// <param name="target">Its raw target.</param>
    /// <param name="authorization">Its <c>Authorization</c> header.</param>
    /// <param name="service">The one signing name accepted; null accepts S3's (<see cref="SigV4Constants.IsAcceptedService"/>).</param>
    /// <param name="bodySha256">
    /// The hex SHA-256 of a body the caller has already read (JSON services such as KMS); it is what was signed,
    /// and <c>x-amz-content-sha256</c>, which those clients need not send, is not required. Null keeps S3's rules.
    /// </param>
    public VerifiedSignature Verify(
        HttpRequest request, RequestTarget target, string authorization, string? service = null, string? bodySha256 = null)
    {
        var header = AuthorizationHeader.Parse(authorization);
        var scope = header.Credential;
        EnsureScopeAccepted(scope, service);
        var (credential, session) = credentials.Resolve(scope.AccessKeyId, RequestHeaders.Get(request, SigningCredentials.TokenHeader));

        var (amzDate, rawDate, requestTime) = RequestTime(request);
        RequestClock.EnsureWithinSkew(rawDate, requestTime, time.GetUtcNow());
        if (!RequestClock.ScopeDateMatches(scope, amzDate))
        {
            throw RequestClock.ScopeDateMismatchForHeader();
        }

        var payloadHash = bodySha256 ?? PayloadHashOf(request, header);
        var canonicalRequest = CanonicalRequest.Build(
            request.Method, target.RawPath, target.Query, header.SignedHeaders, name => RequestHeaders.GetAsSigned(request, name), payloadHash);
        var stringToSign = StringToSign.ForRequest(amzDate, scope.Scope, canonicalRequest);
        var signingKey = keys.Get(credential.SecretAccessKey, scope.Date, scope.Region, scope.Service);
        var signature = SigningKeyCache.Sign(signingKey, stringToSign);
        if (!Hex.SignatureEquals(signature, header.Signature))
        {
            throw AuthErrors.SignatureDoesNotMatch(scope.AccessKeyId, stringToSign, header.Signature, canonicalRequest);
        }

        return new VerifiedSignature(credential, scope, amzDate, signature, signingKey, payloadHash, IsPresigned: false, session);
    }

    private void EnsureScopeAccepted(CredentialScope scope, string? service)
    {
        if (scope.Terminator != SigV4Constants.Terminator)
        {
            throw AuthErrors.HeaderMalformed($"incorrect terminal \"{scope.Terminator}\". This endpoint uses \"{SigV4Constants.Terminator}\".");
        }

        if (service is null ? !SigV4Constants.IsAcceptedService(scope.Service) : scope.Service != service)
        {
            throw AuthErrors.HeaderMalformed($"incorrect service \"{scope.Service}\". This endpoint belongs to \"{service ?? "s3"}\".");
        }

        if (scope.Region != region)
        {
            throw AuthErrors.HeaderRegionWrong(scope.Region, region);
        }
    }

    // x-amz-date wins; a signed RFC 1123 Date header is the fallback, signed in its basic form.
    private static (string AmzDate, string Raw, DateTimeOffset Time) RequestTime(HttpRequest request)
    {
        var amzDate = RequestHeaders.Get(request, SigV4Constants.DateHeader);
        if (amzDate is not null)
        {
            return AmzDate.TryParse(amzDate, out var parsed) ? (amzDate, amzDate, parsed) : throw AuthErrors.MissingDate();
        }

        var date = RequestHeaders.Get(request, "date");
        if (AmzDate.TryParseHttpDate(date, out var httpDate))
        {
            return (AmzDate.FormatBasic(httpDate), AmzDate.FormatBasic(httpDate), httpDate);
        }

        throw AuthErrors.MissingDate();
    }

    private static string PayloadHashOf(HttpRequest request, AuthorizationHeader header)
    {
        var value = RequestHeaders.Get(request, SigV4Constants.ContentSha256Header)
            ?? throw new S3Exception(S3Errors.InvalidRequest("Missing required header for this request: x-amz-content-sha256"));
        if (!header.SignedHeaders.Contains(SigV4Constants.ContentSha256Header))
        {
            throw new S3Exception(S3Errors.InvalidRequest("header 'x-amz-content-sha256' must be included in signature"));
        }

        return PayloadHash.TryClassify(value, out _) ? value : throw new S3Exception(S3Errors.InvalidArgument(PayloadHash.InvalidValueMessage));
    }
}
