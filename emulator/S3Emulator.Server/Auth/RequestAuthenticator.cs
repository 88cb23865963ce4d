using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Auth;

/// <summary>
/// Authenticates a request the way S3 does: SigV4 in the <c>Authorization</c> header, SigV4 query
/// parameters (presigned URLs), or nothing (anonymous). On success the request body is replaced by a
/// stream that yields the plain payload and verifies it while it is read (SHA-256 or aws-chunked
/// chunk signatures and trailers); <see cref="IS3RequestBodyFeature"/> describes it.
/// </summary>
internal sealed class RequestAuthenticator
{
    private readonly HeaderSigV4Verifier _headerVerifier;
    private readonly PresignedSigV4Verifier _presignedVerifier;

    /// <param name="credentials">The access keys that may sign.</param>
    /// <param name="time">The server clock for skew and expiry checks.</param>
    /// <param name="region">The only region accepted in credential scopes.</param>
    public RequestAuthenticator(CredentialStore credentials, TimeProvider time, string region)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var keys = new SigningKeyCache();
        _headerVerifier = new HeaderSigV4Verifier(credentials, keys, time, region);
        _presignedVerifier = new PresignedSigV4Verifier(credentials, keys, time, region);
    }

    /// <summary>
    /// Verifies the request and returns its principal; <c>null</c> means anonymous (no <c>Authorization</c>
    /// header and no <c>X-Amz-Algorithm</c>/<c>X-Amz-Credential</c>/<c>X-Amz-Signature</c> query parameter).
    /// Throws <see cref="Core.Errors.S3Exception"/> with S3's error when authentication fails.
    /// </summary>
    /// <param name="context">The request; its body and features are replaced as described on the class.</param>
    /// <param name="rawTarget"><c>IHttpRequestFeature.RawTarget</c>: path and query exactly as sent.</param>
    public S3Principal? Authenticate(HttpContext context, string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = RequestTarget.Parse(rawTarget);
        var authorization = RequestHeaders.Get(context.Request, "authorization");

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
        return S3Principal.For(verified.Credential);
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
        return S3Principal.For(verified.Credential);
    }
}
