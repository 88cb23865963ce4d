namespace S3Emulator.Core.Identity;

/// <summary>
/// What a session token carries, sealed: the session's key pair, whose session it is and until when. The token
/// is self-contained (no server-side table), so sessions survive a restart when the master key does.
/// </summary>
/// <param name="AccessKeyId">The session's <c>ASIA…</c> access key id; the request must be signed with it.</param>
/// <param name="SecretAccessKey">The session's signing secret.</param>
/// <param name="AccountId">The role's account.</param>
/// <param name="RoleArn">The role's ARN (<c>aws:PrincipalArn</c> of the session).</param>
/// <param name="RoleName">The role's name (in the session ARN).</param>
/// <param name="RoleId">The role's unique id (<c>AROA…</c>).</param>
/// <param name="SessionName">The RoleSessionName.</param>
/// <param name="SessionPolicy">The inline session policy passed to AssumeRole, if any.</param>
/// <param name="SourceIdentity">The SourceIdentity, if any; it persists through chained sessions.</param>
/// <param name="Tags">The session tags (key, value), in the order given.</param>
/// <param name="TransitiveTagKeys">The tag keys that pass on to chained sessions.</param>
/// <param name="IssuedAt">When AssumeRole answered.</param>
/// <param name="Expiration">When the credentials stop working.</param>
public sealed record SessionClaims(
    string AccessKeyId,
    string SecretAccessKey,
    string AccountId,
    string RoleArn,
    string RoleName,
    string RoleId,
    string SessionName,
    string? SessionPolicy,
    string? SourceIdentity,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<string> TransitiveTagKeys,
    DateTimeOffset IssuedAt,
    DateTimeOffset Expiration)
{
    /// <summary><c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    public string SessionArn => IamArns.AssumedRole(AccountId, RoleName, SessionName);

    /// <summary>
    /// Set on credentials the emulator minted to act for a caller on one resource (<see cref="ForwardedAccess"/>); for
    /// a root or IAM user caller the role fields are empty. Null for AssumeRole's sessions.
    /// </summary>
    public ForwardedAccess? Forwarded { get; init; }

    /// <summary>The ARN requests signed with these credentials act as: the forwarded caller's, else the session's.</summary>
    public string CallerArn => Forwarded?.CallerArn ?? SessionArn;

    /// <summary><c>AROA…:SESSION</c>, the session's <c>aws:userid</c> and AssumedRoleId.</summary>
    public string UserId => $"{RoleId}:{SessionName}";

    /// <summary>Omits the secret so that claims can never leak through logs or exception messages.</summary>
    public override string ToString() =>
        $"SessionClaims {{ AccessKeyId = {AccessKeyId}, Arn = {SessionArn}, Expiration = {Expiration:O} }}";
}
