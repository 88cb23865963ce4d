using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Accounts;

/// <summary>
/// The behaviour both account stores share: reads see the current snapshot without locking; a mutation
/// builds the next snapshot under a lock, hands it to <paramref name="persist"/> (a file store writes it to
/// disk there; a failed write changes nothing) and only then publishes it.
/// </summary>
internal sealed class AccountStoreCore(AccountState initial, Action<AccountState>? persist)
{
    private readonly Lock _lock = new();
    private volatile AccountState _state = initial;

    public AccountState State => _state;

    public PublicAccessBlock? GetPublicAccessBlock(string accountId) =>
        _state.PublicAccessBlocks.GetValueOrDefault(accountId);

    public void SetPublicAccessBlock(string accountId, PublicAccessBlock? configuration) =>
        Mutate(state => state.WithPublicAccessBlock(accountId, configuration));

    public bool TryCreateAccessPoint(AccessPoint accessPoint) =>
        Mutate(state =>
            state.AccessPoint(accessPoint.AccountId, accessPoint.Name) is null
            && !state.AccessPointsByAlias.ContainsKey(accessPoint.Alias)
                ? state.WithAccessPoint(accessPoint)
                : null) is not null;

    public AccessPoint? GetAccessPoint(string accountId, string name) => _state.AccessPoint(accountId, name);

    public AccessPoint? GetAccessPointByAlias(string alias) => _state.AccessPointsByAlias.GetValueOrDefault(alias);

    public AccessPoint? UpdateAccessPoint(string accountId, string name, Func<AccessPoint, AccessPoint> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        AccessPoint? updated = null;
        Mutate(state =>
        {
            var current = state.AccessPoint(accountId, name);
            if (current is null) return null;
            updated = update(current);
            if (updated.Name != current.Name || updated.AccountId != current.AccountId || updated.Alias != current.Alias)
            {
                throw new InvalidOperationException("An access point record must keep its name, account and alias.");
            }

            return state.WithAccessPoint(updated);
        });
        return updated;
    }

    public bool DeleteAccessPoint(string accountId, string name) =>
        Mutate(state => state.AccessPoint(accountId, name) is { } current ? state.WithoutAccessPoint(current) : null) is not null;

    public AccessPointPage ListAccessPoints(string accountId, string? bucket, string? after, int maxResults)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        var matching = _state.AccessPointsOf(accountId)
            .Where(p => bucket is null || p.Bucket == bucket)
            .Where(p => after is null || string.CompareOrdinal(p.Name, after) > 0)
            .Take(maxResults + 1)
            .ToList();
        var truncated = matching.Count > maxResults;
        if (truncated) matching.RemoveAt(maxResults);
        return new AccessPointPage(matching, truncated);
    }

    /// <summary>Applies <paramref name="change"/> (null: nothing to change) and returns the new state, or null.</summary>
    private AccountState? Mutate(Func<AccountState, AccountState?> change)
    {
        lock (_lock)
        {
            var next = change(_state);
            if (next is null) return null;
            persist?.Invoke(next);
            _state = next;
            return next;
        }
    }
}
