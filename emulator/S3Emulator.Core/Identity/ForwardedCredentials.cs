namespace S3Emulator.Core.Identity;

/// <summary>
/// Mints the short-lived credentials a service uses to act for a caller on one resource (S3 Object Lambda's
/// <c>inputS3Url</c>): a session token sealed like AssumeRole's, whose claims carry <see cref="ForwardedAccess"/>.
/// A caller that is itself a role session passes on its role, session policy and tags, and the new credentials end
/// no later than the caller's.
/// </summary>
public sealed class ForwardedCredentials(SessionTokenSealer sealer, TimeProvider time)
{
    /// <summary>Credentials (access key id, secret, session token) for <paramref name="caller"/> on <paramref name="resource"/>.</summary>
    public (string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration) Mint(
        CallerIdentity caller, string calledVia, string resource, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = time.GetUtcNow();
        var expiration = now + lifetime;
        var forwarded = new ForwardedAccess(caller.Kind, caller.Arn, caller.UserName, calledVia, resource);
        var accessKeyId = UniqueIds.NewSessionAccessKeyId();
        var secret = UniqueIds.NewSecretAccessKey();
        var claims = caller.Session is { } session
            ? session with
            {
                AccessKeyId = accessKeyId,
                SecretAccessKey = secret,
                IssuedAt = now,
                Expiration = expiration < session.Expiration ? expiration : session.Expiration,
                Forwarded = forwarded,
            }
            : new SessionClaims(accessKeyId, secret, caller.AccountId, "", "", "", "", null, null, [], [], now, expiration) { Forwarded = forwarded };
        return (accessKeyId, secret, sealer.Seal(claims), claims.Expiration);
    }
}
