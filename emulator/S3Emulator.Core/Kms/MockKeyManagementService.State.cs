namespace S3Emulator.Core.Kms;

/// <summary>Declared keys from configuration, and loading and saving the state folder.</summary>
public sealed partial class MockKeyManagementService
{
    /// <summary>
    /// Creates a declared key unless it exists, found by its fixed id or else by one of its aliases, and
    /// points its aliases at it. An existing key keeps its state: configuration seeds, it does not reset.
    /// </summary>
    private void Declare(KmsKeySeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var aliases = seed.Aliases ?? [];
        if (seed.KeyId is null && aliases.Count == 0)
        {
            throw new ArgumentException("A declared KMS key needs a KeyId or at least one alias, or it could never be named.", nameof(seed));
        }

        if (seed.KeyId is not null && !KmsIdentifier.IsKeyId(seed.KeyId))
        {
            throw new ArgumentException($"The declared KMS key id '{seed.KeyId}' is not a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab.", nameof(seed));
        }

        if (seed.KeyMaterial is { Length: not KeyMaterialSize })
        {
            throw new ArgumentException($"The key material of a declared KMS key must be {KeyMaterialSize} bytes.", nameof(seed));
        }

        foreach (var alias in aliases) AliasNameRules.EnsureCustomerAlias(alias);

        lock (_lock)
        {
            var keyId = seed.KeyId?.ToLowerInvariant();
            var key = keyId is not null
                ? _keys.GetValueOrDefault(keyId)
                : aliases.Select(a => _aliases.GetValueOrDefault(a)?.TargetKeyId).OfType<string>().Select(id => _keys[id]).FirstOrDefault();
            if (key is null)
            {
                key = AddKey(keyId, seed.Description ?? "", KmsKey.CustomerManaged, seed.KeyMaterial?.ToArray());
                key.State = seed.Enabled ? KmsKeyState.Enabled : KmsKeyState.Disabled;
            }

            var now = _time.GetUtcNow();
            foreach (var alias in aliases)
            {
                _aliases[alias] = _aliases.TryGetValue(alias, out var existing)
                    ? existing.TargetKeyId == key.KeyId ? existing : existing with { TargetKeyId = key.KeyId, LastUpdatedDate = now }
                    : new AliasEntry(key.KeyId, now, now);
            }
        }
    }

    private void Restore(KmsStateRecord state)
    {
        foreach (var record in state.Keys)
        {
            var key = new KmsKey
            {
                KeyId = record.KeyId,
                Arn = KeyArn(record.KeyId, AccountId),
                Material = _stateFile!.OpenMaterial(record.KeyId, record.SealedMaterial),
                CreationDate = record.CreationDate,
                KeyManager = record.KeyManager,
                Description = record.Description,
                State = record.State,
                DeletionDate = record.DeletionDate,
                PendingWindowInDays = record.PendingWindowInDays,
            };
            _keys.Add(key.KeyId, key);
            _keysInCreationOrder.Add(key);
        }

        foreach (var alias in state.Aliases.Where(a => _keys.ContainsKey(a.TargetKeyId)))
        {
            _aliases[alias.AliasName] = new AliasEntry(alias.TargetKeyId, alias.CreationDate, alias.LastUpdatedDate);
        }
    }

    /// <summary>Writes the whole state when a folder is configured. Call under the lock (or from the constructor).</summary>
    private void Persist()
    {
        if (_stateFile is null) return;
        var keys = _keysInCreationOrder
            .Select(k => new KmsKeyRecord(k.KeyId, _stateFile.SealMaterial(k.KeyId, k.Material), k.CreationDate, k.KeyManager, k.Description,
                k.State, k.DeletionDate, k.PendingWindowInDays))
            .ToList();
        var aliases = _aliases
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new KmsAliasRecord(a.Key, a.Value.TargetKeyId, a.Value.CreationDate, a.Value.LastUpdatedDate))
            .ToList();
        _stateFile.Save(new KmsStateRecord(keys, aliases));
    }
}
