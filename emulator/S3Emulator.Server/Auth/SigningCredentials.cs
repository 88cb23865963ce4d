using S3Emulator.Core.Errors;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Auth;

/// <summary>
/// Finds the secret a request was signed with: a configured long-term key, or — when the request carries a session
/// token — the session key the token seals. A token is checked whenever one is sent, also with a long-term key, so a
/// forged or stale token never passes unnoticed (../shared/spec/sts.md §6).
/// </summary>
internal sealed class SigningCredentials(CredentialStore store, SessionTokenVerification? sessions)
{
    /// <summary>The header that carries the session token (signed).</summary>
    public const string TokenHeader = "x-amz-security-token";

    /// <summary>The query parameter that carries it in a presigned URL.</summary>
    public const string TokenParameter = "X-Amz-Security-Token";

    /// <summary>
    /// The credential for <paramref name="accessKeyId"/>, with the session's claims when <paramref name="token"/> is
    /// given. Throws S3's <c>InvalidToken</c> (the token does not open, or is another key's), <c>ExpiredToken</c>, or
    /// <c>InvalidAccessKeyId</c> (no token and no such long-term key, e.g. an <c>ASIA…</c> key without its token).
    /// The token itself is never echoed: it is a credential.
    /// </summary>
    public (S3Credential Credential, SessionClaims? Session) Resolve(string accessKeyId, string? token)
    {
        if (token is null)
        {
            return store.TryGet(accessKeyId, out var credential) ? (credential, null) : throw AuthErrors.InvalidAccessKeyId(accessKeyId);
        }

        var failure = SessionTokenFailure.Invalid;
        var claims = sessions?.Verify(token, accessKeyId, out failure);
        if (claims is null)
        {
            throw new S3Exception(failure == SessionTokenFailure.Expired ? S3Errors.ExpiredToken : S3Errors.InvalidToken);
        }

        return (new S3Credential(claims.AccessKeyId, claims.SecretAccessKey, claims.AccountId, claims.CallerArn), claims);
    }
}
