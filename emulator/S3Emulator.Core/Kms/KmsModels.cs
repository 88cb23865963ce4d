namespace S3Emulator.Core.Kms;

/// <summary>What DescribeKey reports about a key; the constant parts of KMS's <c>KeyMetadata</c> are left to the API layer.</summary>
public sealed record KmsKeyMetadata(
    string KeyId,
    string Arn,
    string AwsAccountId,
    DateTimeOffset CreationDate,
    string Description,
    KmsKeyState KeyState,
    string KeyManager,
    DateTimeOffset? DeletionDate,
    int? PendingDeletionWindowInDays)
{
    public bool Enabled => KeyState == KmsKeyState.Enabled;
}

/// <summary>One alias as ListAliases reports it.</summary>
public sealed record KmsAlias(string AliasName, string AliasArn, string TargetKeyId, DateTimeOffset CreationDate, DateTimeOffset LastUpdatedDate);

/// <summary>The result of Encrypt: the blob and the ARN of the key that made it.</summary>
public sealed record KmsCiphertext(string KeyArn, byte[] CiphertextBlob);

/// <summary>The result of ReEncrypt: the new blob, the key it came from and the key it is now under.</summary>
public sealed record KmsReEncrypted(string SourceKeyArn, string KeyArn, byte[] CiphertextBlob);

/// <summary>
/// A key declared in configuration, created at start-up unless it already exists. A key with neither
/// <see cref="KeyId"/> nor <see cref="Aliases"/> cannot be found again after a restart, so it is refused.
/// </summary>
/// <param name="KeyId">A fixed key id (a UUID); null picks a fresh one, or reuses the key one of the aliases names.</param>
/// <param name="Aliases">Alias names (<c>alias/…</c>) pointed at the key.</param>
/// <param name="Description">The key's description.</param>
/// <param name="Enabled">False creates the key disabled.</param>
/// <param name="KeyMaterial">32 bytes of fixed key material, for deterministic tests; null draws random bytes.</param>
public sealed record KmsKeySeed(string? KeyId, IReadOnlyList<string> Aliases, string? Description, bool Enabled, byte[]? KeyMaterial);
