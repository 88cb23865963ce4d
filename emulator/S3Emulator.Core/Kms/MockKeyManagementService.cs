using System.Security.Cryptography;

namespace S3Emulator.Core.Kms;

/// <summary>
/// An in-memory KMS for one account and region: symmetric keys with states, aliases (the AWS managed
/// <c>alias/aws/s3</c> made on first use), and encryption bound to an encryption context. With a folder it
/// keeps its keys across restarts (see <see cref="KmsStateFile"/>). Thread-safe: state changes happen under
/// one lock; encryption runs outside it on key material that never changes.
/// </summary>
/// <remarks>Every failure is a <see cref="KmsException"/> with KMS's error type and message.</remarks>
public sealed partial class MockKeyManagementService : IKeyManagementService
{
    /// <summary>The alias S3 uses when SSE-KMS names no key.</summary>
    public const string AwsS3AliasName = "alias/aws/s3";

    /// <summary>The description AWS gives the key behind <see cref="AwsS3AliasName"/>.</summary>
    public const string AwsS3KeyDescription = "Default key that protects my S3 objects when no other key is defined";

    private const int KeyMaterialSize = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, KmsKey> _keys = new(StringComparer.Ordinal);
    private readonly List<KmsKey> _keysInCreationOrder = [];
    private readonly Dictionary<string, AliasEntry> _aliases = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly KmsStateFile? _stateFile;

    /// <param name="region">The region in every ARN; ARNs naming another region are refused.</param>
    /// <param name="accountId">The account that owns every key.</param>
    /// <param name="time">The clock for creation and deletion dates.</param>
    /// <param name="folder">Where keys persist (created if missing); null keeps them in memory only.</param>
    /// <param name="declaredKeys">Keys from configuration, created unless they exist already.</param>
    public MockKeyManagementService(
        string region, string accountId, TimeProvider time, string? folder = null, IEnumerable<KmsKeySeed>? declaredKeys = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(time);
        Region = region;
        AccountId = accountId;
        _time = time;
        if (folder is not null)
        {
            _stateFile = new KmsStateFile(folder);
            Restore(_stateFile.Load());
        }

        foreach (var seed in declaredKeys ?? [])
        {
            Declare(seed);
        }

        Persist();
    }

    public string Region { get; }

    public string AccountId { get; }

    /// <inheritdoc />
    public ValueTask<string> ResolveKeyArnAsync(string keyIdOrAlias, bool requireUsable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyIdOrAlias);
        lock (_lock)
        {
            var key = Resolve(keyIdOrAlias);
            if (requireUsable) key.EnsureUsable();
            return ValueTask.FromResult(key.Arn);
        }
    }

    /// <inheritdoc />
    public ValueTask<GeneratedDataKey> GenerateDataKeyAsync(
        string keyIdOrAlias, IReadOnlyDictionary<string, string> encryptionContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GenerateDataKey(keyIdOrAlias, encryptionContext, keySpec: "AES_256"));

    /// <inheritdoc />
    public ValueTask<DecryptedData> DecryptAsync(
        ReadOnlyMemory<byte> ciphertextBlob, IReadOnlyDictionary<string, string> encryptionContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Decrypt(ciphertextBlob.ToArray(), encryptionContext));

    /// <summary>The key <paramref name="keyIdOrAlias"/> names, in any state. Call under the lock.</summary>
    private KmsKey Resolve(string keyIdOrAlias)
    {
        PurgeDeletedKeys();
        if (!KmsIdentifier.TryParse(keyIdOrAlias, out var identifier))
        {
            throw KmsErrors.InvalidKeyId(keyIdOrAlias);
        }

        EnsureOwnRegionAndAccount(identifier);
        return identifier.IsAlias ? ResolveAlias(identifier.Value) : FindKey(identifier.Value);
    }

    /// <summary>Like <see cref="Resolve"/> but refuses aliases, for the operations that take only keys.</summary>
    private KmsKey ResolveKeyOnly(string keyId)
    {
        PurgeDeletedKeys();
        if (!KmsIdentifier.TryParse(keyId, out var identifier) || identifier.IsAlias)
        {
            throw KmsErrors.InvalidKeyId(keyId);
        }

        EnsureOwnRegionAndAccount(identifier);
        return FindKey(identifier.Value);
    }

    private void EnsureOwnRegionAndAccount(KmsIdentifier identifier)
    {
        if (identifier.Region is { } region && region != Region)
        {
            throw KmsErrors.InvalidArnRegion(region);
        }

        if (identifier.AccountId is { } account && account != AccountId)
        {
            throw identifier.IsAlias
                ? KmsErrors.AliasNotFound(AliasArn(identifier.Value, account))
                : KmsErrors.KeyDoesNotExist(KeyArn(identifier.Value, account));
        }
    }

    private KmsKey FindKey(string keyId) =>
        _keys.TryGetValue(keyId, out var key) ? key : throw KmsErrors.KeyDoesNotExist(KeyArn(keyId, AccountId));

    /// <summary>KMS deletes a key once its waiting period is over; the mock does so the next time it is asked.</summary>
    private void PurgeDeletedKeys()
    {
        var now = _time.GetUtcNow();
        var expired = _keysInCreationOrder.Where(k => k.State == KmsKeyState.PendingDeletion && k.DeletionDate <= now).ToList();
        if (expired.Count == 0) return;
        foreach (var key in expired)
        {
            _keys.Remove(key.KeyId);
            _keysInCreationOrder.Remove(key);
            foreach (var alias in _aliases.Where(a => a.Value.TargetKeyId == key.KeyId).Select(a => a.Key).ToList())
            {
                _aliases.Remove(alias);
            }
        }

        Persist();
    }

    /// <summary>Makes and registers a key. Call under the lock; the caller persists.</summary>
    private KmsKey AddKey(string? keyId, string description, string keyManager, byte[]? material = null)
    {
        var id = keyId ?? Guid.NewGuid().ToString("D");
        var key = new KmsKey
        {
            KeyId = id,
            Arn = KeyArn(id, AccountId),
            Material = material ?? RandomNumberGenerator.GetBytes(KeyMaterialSize),
            CreationDate = _time.GetUtcNow(),
            KeyManager = keyManager,
            Description = description,
        };
        _keys.Add(id, key);
        _keysInCreationOrder.Add(key);
        return key;
    }

    private string KeyArn(string keyId, string accountId) => $"arn:aws:kms:{Region}:{accountId}:key/{keyId}";

    private string AliasArn(string aliasName, string accountId) => $"arn:aws:kms:{Region}:{accountId}:{aliasName}";

    private sealed record AliasEntry(string TargetKeyId, DateTimeOffset CreationDate, DateTimeOffset LastUpdatedDate);
}
