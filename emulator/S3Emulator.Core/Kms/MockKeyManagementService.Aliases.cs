namespace S3Emulator.Core.Kms;

/// <summary>Aliases: CreateAlias, UpdateAlias, DeleteAlias, ListAliases, and the lazily made <c>alias/aws/s3</c>.</summary>
public sealed partial class MockKeyManagementService
{
    /// <summary>Points a new alias at a key (key id or key ARN, not another alias).</summary>
    public void CreateAlias(string aliasName, string targetKeyId)
    {
        ArgumentNullException.ThrowIfNull(aliasName);
        ArgumentNullException.ThrowIfNull(targetKeyId);
        AliasNameRules.EnsureCustomerAlias(aliasName);
        lock (_lock)
        {
            var key = ResolveKeyOnly(targetKeyId);
            if (_aliases.ContainsKey(aliasName)) throw KmsErrors.AliasAlreadyExists(AliasArn(aliasName, AccountId));
            if (key.State == KmsKeyState.PendingDeletion) throw KmsErrors.PendingDeletion(key.Arn);
            var now = _time.GetUtcNow();
            _aliases.Add(aliasName, new AliasEntry(key.KeyId, now, now));
            Persist();
        }
    }

    /// <summary>Points an existing alias at another key.</summary>
    public void UpdateAlias(string aliasName, string targetKeyId)
    {
        ArgumentNullException.ThrowIfNull(aliasName);
        ArgumentNullException.ThrowIfNull(targetKeyId);
        AliasNameRules.EnsureCustomerAlias(aliasName);
        lock (_lock)
        {
            PurgeDeletedKeys();
            var entry = _aliases.TryGetValue(aliasName, out var found) ? found : throw KmsErrors.AliasNotFound(AliasArn(aliasName, AccountId));
            var key = ResolveKeyOnly(targetKeyId);
            if (key.State == KmsKeyState.PendingDeletion) throw KmsErrors.PendingDeletion(key.Arn);
            _aliases[aliasName] = entry with { TargetKeyId = key.KeyId, LastUpdatedDate = _time.GetUtcNow() };
            Persist();
        }
    }

    /// <summary>Removes an alias; the key it named is untouched.</summary>
    public void DeleteAlias(string aliasName)
    {
        ArgumentNullException.ThrowIfNull(aliasName);
        AliasNameRules.EnsureCustomerAlias(aliasName);
        lock (_lock)
        {
            PurgeDeletedKeys();
            if (!_aliases.Remove(aliasName)) throw KmsErrors.AliasNotFound(AliasArn(aliasName, AccountId));
            Persist();
        }
    }

    /// <summary>Every alias sorted by name, or only those of <paramref name="keyId"/>'s key.</summary>
    public IReadOnlyList<KmsAlias> ListAliases(string? keyId = null)
    {
        lock (_lock)
        {
            PurgeDeletedKeys();
            var target = keyId is null ? null : ResolveKeyOnly(keyId).KeyId;
            return _aliases
                .Where(a => target is null || a.Value.TargetKeyId == target)
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new KmsAlias(a.Key, AliasArn(a.Key, AccountId), a.Value.TargetKeyId, a.Value.CreationDate, a.Value.LastUpdatedDate))
                .ToList();
        }
    }

    /// <summary>Call under the lock. <c>alias/aws/s3</c> gets its AWS managed key the first time anyone names it.</summary>
    private KmsKey ResolveAlias(string aliasName)
    {
        if (_aliases.TryGetValue(aliasName, out var entry))
        {
            return _keys[entry.TargetKeyId];
        }

        if (aliasName != AwsS3AliasName)
        {
            throw KmsErrors.AliasNotFound(AliasArn(aliasName, AccountId));
        }

        var key = AddKey(null, AwsS3KeyDescription, KmsKey.AwsManaged);
        var now = _time.GetUtcNow();
        _aliases.Add(AwsS3AliasName, new AliasEntry(key.KeyId, now, now));
        Persist();
        return key;
    }
}
