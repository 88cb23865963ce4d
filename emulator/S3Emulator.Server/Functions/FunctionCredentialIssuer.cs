using System.Collections.Concurrent;
using S3Emulator.Core.Identity;

namespace S3Emulator.Server.Functions;

/// <summary>
/// The session credentials a Lambda's environment gives its function: an STS session of the execution role named after
/// the function (<c>arn:aws:sts::{account}:assumed-role/{role}/{function}</c>), sealed exactly as AssumeRole seals its
/// sessions, so they authenticate and are authorized like any role session. The emulator plays the Lambda service,
/// which assumes the role without the caller's trust-policy check. A session is reused across invocations, as one
/// execution environment reuses it, and renewed before an invocation could outlive it.
/// </summary>
internal sealed class FunctionCredentialIssuer(PrincipalDirectory directory, SessionTokenSealer sealer, TimeProvider time)
{
    /// <summary>How long a session lasts: STS's default, longer than any function's timeout (at most 900 s).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string Function, string Role), Issued> _sessions = new();

    /// <summary>Credentials for <paramref name="function"/>'s role, valid for at least its timeout; null when it has no role.</summary>
    public FunctionCredentials? For(RegisteredFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.RoleArn is not { } roleArn || !directory.TryGetRole(roleArn, out var role)) return null;
        var key = (function.Reference.CanonicalArn, role.Arn);
        var now = time.GetUtcNow();
        if (_sessions.TryGetValue(key, out var issued) && issued.Expiration - now > function.Timeout + TimeSpan.FromMinutes(1))
        {
            return issued.Credentials;
        }

        // Racing invocations may each mint one; every one of them is a valid session, the last one is kept.
        var fresh = Issue(role, function.Reference.Name, now);
        _sessions[key] = fresh;
        return fresh.Credentials;
    }

    private Issued Issue(IamRole role, string sessionName, DateTimeOffset now)
    {
        // As STS does: the session starts on a whole second, so that its expiration is what it says.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var claims = new SessionClaims(
            UniqueIds.NewSessionAccessKeyId(), UniqueIds.NewSecretAccessKey(), role.AccountId, role.Arn, role.Name, role.RoleId, sessionName,
            SessionPolicy: null, SourceIdentity: null, Tags: [], TransitiveTagKeys: [], issuedAt, issuedAt + Lifetime);
        return new Issued(new FunctionCredentials(claims.AccessKeyId, claims.SecretAccessKey, sealer.Seal(claims)), claims.Expiration);
    }

    private sealed record Issued(FunctionCredentials Credentials, DateTimeOffset Expiration);
}
