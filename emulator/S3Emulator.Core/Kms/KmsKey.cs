namespace S3Emulator.Core.Kms;

/// <summary>
/// One key as the mock keeps it. Mutable state is changed only under the owning service's lock;
/// <see cref="Material"/> is never changed after creation, so crypto can run outside the lock.
/// </summary>
internal sealed class KmsKey
{
    public const string CustomerManaged = "CUSTOMER";
    public const string AwsManaged = "AWS";

    public required string KeyId { get; init; }

    public required string Arn { get; init; }

    /// <summary>The 32-byte AES-256 key. Never logged, journaled or written to disk unsealed.</summary>
    public required byte[] Material { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required string KeyManager { get; init; }

    public string Description { get; set; } = "";

    public KmsKeyState State { get; set; } = KmsKeyState.Enabled;

    public DateTimeOffset? DeletionDate { get; set; }

    public int? PendingWindowInDays { get; set; }

    public KmsKeyMetadata ToMetadata(string accountId) =>
        new(KeyId, Arn, accountId, CreationDate, Description, State, KeyManager, DeletionDate, PendingWindowInDays);

    /// <summary>Throws KMS's error for a key that cannot encrypt or decrypt in its current state.</summary>
    public void EnsureUsable()
    {
        switch (State)
        {
            case KmsKeyState.Disabled: throw KmsErrors.Disabled(Arn);
            case KmsKeyState.PendingDeletion: throw KmsErrors.PendingDeletion(Arn);
        }
    }
}
