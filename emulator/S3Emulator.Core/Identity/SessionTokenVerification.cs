namespace S3Emulator.Core.Identity;

/// <summary>The outcome of checking a request's session token.</summary>
public enum SessionTokenFailure
{
    /// <summary>The token does not open, or belongs to another access key: <c>InvalidToken</c>.</summary>
    Invalid,

    /// <summary>The token opened but its session has ended: <c>ExpiredToken</c>.</summary>
    Expired,
}

/// <summary>Checks the session token that comes with a request's access key id, as S3 and STS check it.</summary>
public sealed class SessionTokenVerification(SessionTokenSealer sealer, TimeProvider time)
{
    /// <summary>
    /// The claims when <paramref name="token"/> opens, names <paramref name="accessKeyId"/> and has not expired;
    /// else null with the <paramref name="failure"/>.
    /// </summary>
    public SessionClaims? Verify(string token, string accessKeyId, out SessionTokenFailure failure)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(accessKeyId);
        failure = SessionTokenFailure.Invalid;
        if (!sealer.TryOpen(token, out var claims) || !string.Equals(claims!.AccessKeyId, accessKeyId, StringComparison.Ordinal))
        {
            return null;
        }

        if (time.GetUtcNow() >= claims.Expiration)
        {
            failure = SessionTokenFailure.Expired;
            return null;
        }

        return claims;
    }
}
