using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth.SigV2;
using S3Emulator.Server.Auth.SigV4;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Auth;

/// <summary>
/// Authenticates a request the way S3 does: SigV4 in the <c>Authorization</c> header, SigV4 query
/// parameters (presigned URLs), SigV2 in either place (refused unless <see cref="SignatureV2Mode.Accept"/>),
/// or nothing (anonymous). On success the request body is replaced by a
/// stream that yields the plain payload and verifies it while it is read (SHA-256 or aws-chunked
/// chunk signatures and trailers); <see cref="IS3RequestBodyFeature"/> describes it.
/// </summary>
internal sealed class RequestAuthenticator
{
    private readonly HeaderSigV4Verifier _headerVerifier;
    private readonly PresignedSigV4Verifier _presignedVerifier;
    private readonly SigV2Verifier? _sigV2Verifier;
    private readonly PrincipalDirectory _directory;

    // The principal of each configured long-term key, made once: building it (ARNs, identity) cost every request.
    // Keyed by the store's own credential instances, so the cache holds at most one entry per configured key.
    private readonly ConcurrentDictionary<S3Credential, S3Principal> _longTermPrincipals = new(ReferenceEqualityComparer.Instance);

    /// <param name="credentials">The access keys that may sign.</param>
    /// <param name="time">The server clock for skew and expiry checks.</param>
    /// <param name="region">The only region accepted in credential scopes.</param>
    /// <param name="signatureV2">Whether SigV2 is verified or refused as S3 refuses it for new buckets.</param>
    /// <param name="sessions">Checks session tokens; null refuses every token as <c>InvalidToken</c>.</param>
    /// <param name="directory">The users' and roles' policies the principal carries; null knows none.</param>
    public RequestAuthenticator(
        CredentialStore credentials, TimeProvider time, string region, SignatureV2Mode signatureV2 = SignatureV2Mode.Reject,
        SessionTokenVerification? sessions = null, PrincipalDirectory? directory = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var keys = new SigningKeyCache();
        var signing = new SigningCredentials(credentials, sessions);
        _directory = directory ?? PrincipalDirectory.Empty;
        _headerVerifier = new HeaderSigV4Verifier(signing, keys, time, region);
        _presignedVerifier = new PresignedSigV4Verifier(signing, keys, time, region);
        _sigV2Verifier = signatureV2 == SignatureV2Mode.Accept ? new SigV2Verifier(signing, time) : null;
    }

    /// <summary>
    /// Verifies the request and returns its principal; <c>null</c> means anonymous (no <c>Authorization</c>
    /// header, no <c>X-Amz-Algorithm</c>/<c>X-Amz-Credential</c>/<c>X-Amz-Signature</c> query parameter and no
    /// SigV2 <c>AWSAccessKeyId</c>/<c>Signature</c> one).
    /// Throws <see cref="Core.Errors.S3Exception"/> with S3's error when authentication fails.
    /// </summary>
    /// <param name="context">The request; its body and features are replaced as described on the class.</param>
    /// <param name="rawTarget"><c>IHttpRequestFeature.RawTarget</c>: path and query exactly as sent.</param>
    /// <param name="virtualHostedBucket">The bucket the Host header names, which SigV2 signs; null for path-style.</param>
    public S3Principal? Authenticate(HttpContext context, string rawTarget, string? virtualHostedBucket = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = RequestTarget.Parse(rawTarget);
        var authorization = RequestHeaders.Get(context.Request, "authorization");

        if (!string.IsNullOrEmpty(authorization) && SigV2Verifier.IsHeader(authorization))
        {
            return AuthenticatedBySigV2(context, SigV2().VerifyHeader(context.Request, target, authorization, virtualHostedBucket));
        }

        if (string.IsNullOrEmpty(authorization) && !PresignedSigV4Verifier.IsPresigned(target) && SigV2Verifier.IsQuery(target))
        {
            return AuthenticatedBySigV2(context, SigV2().VerifyQuery(context.Request, target, virtualHostedBucket));
        }

        VerifiedSignature verified;
        if (!string.IsNullOrEmpty(authorization))
        {
            verified = _headerVerifier.Verify(context.Request, target, authorization);
        }
        else if (PresignedSigV4Verifier.IsPresigned(target))
        {
            verified = _presignedVerifier.Verify(context.Request, target);
        }
        else
        {
            RequestBody.InstallPlain(context);
            return null;
        }

        RequestBody.Install(context, verified);
        return PrincipalOf(verified.Credential, verified.Session);
    }

    // A session's credential is made per request from its token, so only long-term keys are cached.
    private S3Principal PrincipalOf(S3Credential credential, SessionClaims? session) =>
        session is not null
            ? S3Principal.For(credential, session, _directory)
            : _longTermPrincipals.GetOrAdd(credential, static (key, directory) => S3Principal.For(key, null, directory), _directory);

    // S3 refuses SigV2 for buckets created since June 2020 before it looks at anything else in the request.
    private SigV2Verifier SigV2() => _sigV2Verifier ?? throw AuthErrors.SignatureV2NotSupported();

    /// <summary>
    /// A request whose SigV2 signature held. S3 asks SigV4 of every request that names SSE-KMS (AWS's "Specifying
    /// server-side encryption with AWS KMS"). SigV2 signs no payload: the body is read as sent (Content-MD5, when
    /// given, is checked by the upload verifier).
    /// </summary>
    private S3Principal AuthenticatedBySigV2(HttpContext context, (S3Credential Credential, SessionClaims? Session) verified)
    {
        if (RequestHeaders.Get(context.Request, "x-amz-server-side-encryption") is { } algorithm
            && algorithm.StartsWith("aws:kms", StringComparison.Ordinal))
        {
            throw new S3Exception(S3Errors.SseKmsRequiresSigV4, S3Exception.Detail("ArgumentName", "Authorization"));
        }
        RequestBody.InstallPlain(context);
        return S3Principal.For(verified.Credential, verified.Session, _directory);
    }

    /// <summary>
    /// Verifies a header-signed request to another service this host serves (KMS's JSON API), whose body the
    /// caller has already read: the credential scope must name <paramref name="service"/>, and the signed payload
    /// hash is <paramref name="bodySha256"/>. Returns null when there is no <c>Authorization</c> header.
    /// Throws <see cref="Core.Errors.S3Exception"/> with the S3 error for the failure; the caller translates it.
    /// </summary>
    public S3Principal? AuthenticateBuffered(HttpContext context, string rawTarget, string service, string bodySha256)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(bodySha256);
        var authorization = RequestHeaders.Get(context.Request, "authorization");
        if (string.IsNullOrEmpty(authorization))
        {
            return null;
        }

        var verified = _headerVerifier.Verify(context.Request, RequestTarget.Parse(rawTarget), authorization, service, bodySha256);
        return S3Principal.For(verified.Credential, verified.Session, _directory);
    }
}
