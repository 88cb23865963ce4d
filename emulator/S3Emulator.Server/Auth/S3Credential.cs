namespace S3Emulator.Server.Auth;

/// <summary>An access key the emulator accepts, and whom it belongs to.</summary>
/// <param name="AccessKeyId">The public key id sent in the credential scope.</param>
/// <param name="SecretAccessKey">The signing secret; never logged or rendered (see <see cref="ToString"/>).</param>
/// <param name="AccountId">The 12-digit account the user belongs to.</param>
/// <param name="UserName">The IAM user name; <c>root</c> means the account root user.</param>
public sealed record S3Credential(string AccessKeyId, string SecretAccessKey, string AccountId, string UserName)
{
    /// <summary>Omits the secret so that a credential can never leak through logs or exception messages.</summary>
    public override string ToString() =>
        $"S3Credential {{ AccessKeyId = {AccessKeyId}, AccountId = {AccountId}, UserName = {UserName} }}";
}
