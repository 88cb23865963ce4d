using System.Globalization;

namespace S3Emulator.Core.Kms;

/// <summary>Key life cycle: CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey, Schedule/CancelKeyDeletion.</summary>
public sealed partial class MockKeyManagementService
{
    private const int MinPendingWindowInDays = 7;
    private const int MaxPendingWindowInDays = 30;

    /// <summary>Creates an enabled, customer managed, symmetric key.</summary>
    public KmsKeyMetadata CreateKey(string? description = null)
    {
        lock (_lock)
        {
            var key = AddKey(null, description ?? "", KmsKey.CustomerManaged);
            Persist();
            return key.ToMetadata(AccountId);
        }
    }

    /// <summary>The key a key id, key ARN, alias name or alias ARN names, in any state.</summary>
    public KmsKeyMetadata DescribeKey(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        lock (_lock)
        {
            return Resolve(keyId).ToMetadata(AccountId);
        }
    }

    /// <summary>Every key in the account and region, oldest first.</summary>
    public IReadOnlyList<KmsKeyMetadata> ListKeys()
    {
        lock (_lock)
        {
            PurgeDeletedKeys();
            return _keysInCreationOrder.Select(k => k.ToMetadata(AccountId)).ToList();
        }
    }

    /// <summary>Enables a disabled key; KMSInvalidStateException when it is pending deletion.</summary>
    public void EnableKey(string keyId) => ChangeState(keyId, KmsKeyState.Enabled);

    /// <summary>Disables a key; KMSInvalidStateException when it is pending deletion.</summary>
    public void DisableKey(string keyId) => ChangeState(keyId, KmsKeyState.Disabled);

    /// <summary>
    /// Schedules deletion after <paramref name="pendingWindowInDays"/> (7–30, default 30). Until then the key
    /// can be described and the deletion cancelled, but not used; afterwards it is gone.
    /// </summary>
    public KmsKeyMetadata ScheduleKeyDeletion(string keyId, int? pendingWindowInDays = null)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var days = pendingWindowInDays ?? MaxPendingWindowInDays;
        if (days is < MinPendingWindowInDays or > MaxPendingWindowInDays)
        {
            var bound = days < MinPendingWindowInDays
                ? $"greater than or equal to {MinPendingWindowInDays}"
                : $"less than or equal to {MaxPendingWindowInDays}";
            throw KmsErrors.ConstraintViolated(days.ToString(CultureInfo.InvariantCulture), "pendingWindowInDays", "Member must have value " + bound);
        }

        lock (_lock)
        {
            var key = ResolveKeyOnly(keyId);
            if (key.State == KmsKeyState.PendingDeletion) throw KmsErrors.PendingDeletion(key.Arn);
            key.State = KmsKeyState.PendingDeletion;
            key.PendingWindowInDays = days;
            key.DeletionDate = _time.GetUtcNow().AddDays(days);
            Persist();
            return key.ToMetadata(AccountId);
        }
    }

    /// <summary>Cancels a scheduled deletion; as in KMS the key comes back <em>disabled</em>.</summary>
    public KmsKeyMetadata CancelKeyDeletion(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        lock (_lock)
        {
            var key = ResolveKeyOnly(keyId);
            if (key.State != KmsKeyState.PendingDeletion) throw KmsErrors.NotPendingDeletion(key.Arn);
            key.State = KmsKeyState.Disabled;
            key.PendingWindowInDays = null;
            key.DeletionDate = null;
            Persist();
            return key.ToMetadata(AccountId);
        }
    }

    private void ChangeState(string keyId, KmsKeyState state)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        lock (_lock)
        {
            var key = ResolveKeyOnly(keyId);
            if (key.State == KmsKeyState.PendingDeletion) throw KmsErrors.PendingDeletion(key.Arn);
            if (key.State == state) return;
            key.State = state;
            Persist();
        }
    }
}
