using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>Verifies SigV4 query authentication (presigned URLs): parameters, expiry, unsigned headers, signature.</summary>
internal sealed class PresignedSigV4Verifier(SigningCredentials credentials, SigningKeyCache keys, TimeProvider time, string region)
{
    public const string AlgorithmParameter = "X-Amz-Algorithm";
    public const string CredentialParameter = "X-Amz-Credential";
    public const string SignatureParameter = "X-Amz-Signature";
    public const string DateParameter = "X-Amz-Date";
    public const string SignedHeadersParameter = "X-Amz-SignedHeaders";
    public const string ExpiresParameter = "X-Amz-Expires";
    public const string ContentSha256Parameter = "X-Amz-Content-Sha256";

    private static readonly ImmutableArray<string> RequiredParameters =
        [AlgorithmParameter, CredentialParameter, SignatureParameter, DateParameter, SignedHeadersParameter, ExpiresParameter];

    /// <summary>
    /// True when the query attempts SigV4 query auth. Besides X-Amz-Algorithm, a lone X-Amz-Credential or
    /// X-Amz-Signature counts too, so that a half-built URL fails loudly instead of running anonymously.
    /// </summary>
    public static bool IsPresigned(RequestTarget target) =>
        target.Has(AlgorithmParameter) || target.Has(CredentialParameter) || target.Has(SignatureParameter);

    public VerifiedSignature Verify(HttpRequest request, RequestTarget target)
    {
        foreach (var name in RequiredParameters)
        {
            if (!target.Has(name))
            {
                throw AuthErrors.QueryError(AuthErrors.MissingQueryParameters);
            }
        }

        if (target.Get(AlgorithmParameter) != SigV4Constants.Algorithm)
        {
            throw AuthErrors.QueryError("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }

        if (!CredentialScope.TryParse(target.Get(CredentialParameter), out var scope)
            || scope.Terminator != SigV4Constants.Terminator || !SigV4Constants.IsAcceptedService(scope.Service))
        {
            throw AuthErrors.QueryError(AuthErrors.MalformedCredentialQuery);
        }

        var amzDate = target.Get(DateParameter)!;
        if (!AmzDate.TryParse(amzDate, out var signedAt))
        {
            throw AuthErrors.QueryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }

        var expiresText = target.Get(ExpiresParameter)!;
        if (!long.TryParse(expiresText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expiresSeconds))
        {
            throw AuthErrors.QueryError("X-Amz-Expires should be a number");
        }

        // botocore writes a negative ExpiresIn as is; S3 refuses it as a parameter error, not as an expired URL.
        if (expiresSeconds < 0)
        {
            throw AuthErrors.QueryError(AuthErrors.NegativeExpires);
        }

        if (expiresSeconds > SigV4Constants.MaxPresignedExpirySeconds)
        {
            throw AuthErrors.QueryError(AuthErrors.ExpiresTooLarge);
        }

        if (scope.Region != region)
        {
            throw AuthErrors.QueryRegionWrong(scope.Region, region);
        }

        if (!RequestClock.ScopeDateMatches(scope, amzDate))
        {
            throw AuthErrors.QueryError($"Invalid credential date \"{scope.Date}\". This date is not the same as X-Amz-Date: \"{amzDate[..8]}\".");
        }

        var (credential, session) = credentials.Resolve(scope.AccessKeyId, target.Get(SigningCredentials.TokenParameter));

        EnsureTimely(signedAt, expiresText, expiresSeconds);
        var signedHeaders = SignedHeaderList.Parse(target.Get(SignedHeadersParameter)!);
        EnsureAmzHeadersSigned(request, signedHeaders);

        var payloadHash = target.Get(ContentSha256Parameter) ?? SigV4Constants.UnsignedPayload;
        var signatureProvided = target.Get(SignatureParameter)!;
        var canonicalRequest = CanonicalRequest.Build(
            request.Method,
            target.RawPath,
            target.Query,
            excludedParameter: SignatureParameter,
            signedHeaders,
            name => RequestHeaders.GetAsSigned(request, name),
            payloadHash);
        var stringToSign = StringToSign.ForRequest(amzDate, scope.Scope, canonicalRequest);
        var signingKey = keys.Get(credential.SecretAccessKey, scope.Date, scope.Region, scope.Service);
        var signature = SigningKeyCache.Sign(signingKey, stringToSign);
        if (!Hex.SignatureEquals(signature, signatureProvided))
        {
            throw AuthErrors.SignatureDoesNotMatch(scope.AccessKeyId, stringToSign, signatureProvided, canonicalRequest);
        }

        return new VerifiedSignature(credential, scope, amzDate, signature, signingKey, payloadHash, IsPresigned: true, session);
    }

    private void EnsureTimely(DateTimeOffset signedAt, string expiresText, long expiresSeconds)
    {
        var now = time.GetUtcNow();
        var expires = signedAt.AddSeconds(expiresSeconds);
        if (now > expires)
        {
            throw new S3Exception(
                S3Errors.AccessDeniedBecause("Request has expired"),
                S3Exception.Detail("X-Amz-Expires", expiresText),
                S3Exception.Detail("Expires", AmzDate.FormatForError(expires)),
                S3Exception.Detail("ServerTime", AmzDate.FormatForError(now)));
        }

        if (signedAt - now > SigV4Constants.MaxSkew)
        {
            throw new S3Exception(S3Errors.AccessDeniedBecause("Request is not valid yet"));
        }
    }

    // S3 refuses presigned requests carrying x-amz-* headers the URL did not sign (e.g. SSE-C keys added later).
    private static void EnsureAmzHeadersSigned(HttpRequest request, IReadOnlyList<string> signedHeaders)
    {
        List<string>? unsigned = null;
        foreach (var header in request.Headers)
        {
            // Most requests carry no x-amz-* header at all: only those are lower-cased and looked up.
            if (!header.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = header.Key.ToLowerInvariant();
            if (name != SigV4Constants.ContentSha256Header && !signedHeaders.Contains(name))
            {
                (unsigned ??= []).Add(name);
            }
        }

        if (unsigned is not null)
        {
            unsigned.Sort(StringComparer.Ordinal);
            throw new S3Exception(
                S3Errors.AccessDeniedBecause("There were headers present in the request which were not signed"),
                S3Exception.Detail("HeadersNotSigned", string.Join(", ", unsigned)));
        }
    }
}
