using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Accounts;

namespace S3Emulator.Core.Storage;

/// <summary>
/// The behaviour both account stores share: reads see the current snapshot without locking; a mutation builds the
/// next snapshot under a lock, hands it to the store's persist step (a file store writes it to disk there; a failed
/// write changes nothing) and only then publishes it. Thread-safe.
/// </summary>
public abstract class SnapshotAccountStore : IAccountStore
{
    private readonly Lock _lock = new();
    private readonly Action<AccountState>? _persist;
    private volatile AccountState _state;

    private protected SnapshotAccountStore(AccountState initial, Action<AccountState>? persist)
    {
        _state = initial;
        _persist = persist;
    }

    public ValueTask<PublicAccessBlock?> GetPublicAccessBlockAsync(string accountId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.PublicAccessBlocks.GetValueOrDefault(accountId));

    public ValueTask SetPublicAccessBlockAsync(string accountId, PublicAccessBlock? configuration, CancellationToken cancellationToken)
    {
        Mutate(state => state.WithPublicAccessBlock(accountId, configuration));
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TryCreateAccessPointAsync(AccessPoint accessPoint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Mutate(state =>
            state.AccessPoint(accessPoint.AccountId, accessPoint.Name) is null
            && !state.AccessPointsByAlias.ContainsKey(accessPoint.Alias)
                ? state.WithAccessPoint(accessPoint)
                : null) is not null);

    public ValueTask<AccessPoint?> GetAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.AccessPoint(accountId, name));

    public ValueTask<AccessPoint?> GetAccessPointByAliasAsync(string alias, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.AccessPointsByAlias.GetValueOrDefault(alias));

    public ValueTask<AccessPoint?> UpdateAccessPointAsync(
        string accountId, string name, Func<AccessPoint, AccessPoint> update, CancellationToken cancellationToken) =>
        ValueTask.FromResult(UpdateAccessPoint(accountId, name, update));

    public ValueTask<bool> DeleteAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Mutate(state => state.AccessPoint(accountId, name) is { } current ? state.WithoutAccessPoint(current) : null) is not null);

    public ValueTask<AccessPointPage> ListAccessPointsAsync(
        string accountId, string? bucket, string? after, int maxResults, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ListAccessPoints(accountId, bucket, after, maxResults));

    public ValueTask<bool> TryCreateObjectLambdaAccessPointAsync(ObjectLambdaAccessPoint olap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(olap);
        return ValueTask.FromResult(Mutate(state =>
            state.ObjectLambdaAccessPoint(olap.AccountId, olap.Name) is null
            && !state.ObjectLambdaAccessPointsByAlias.ContainsKey(olap.Alias)
                ? state.WithObjectLambdaAccessPoint(olap)
                : null) is not null);
    }

    public ValueTask<ObjectLambdaAccessPoint?> GetObjectLambdaAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.ObjectLambdaAccessPoint(accountId, name));

    public ValueTask<ObjectLambdaAccessPoint?> GetObjectLambdaAccessPointByAliasAsync(string alias, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.ObjectLambdaAccessPointsByAlias.GetValueOrDefault(alias));

    public ValueTask<ObjectLambdaAccessPoint?> UpdateObjectLambdaAccessPointAsync(
        string accountId, string name, Func<ObjectLambdaAccessPoint, ObjectLambdaAccessPoint> update, CancellationToken cancellationToken) =>
        ValueTask.FromResult(UpdateObjectLambdaAccessPoint(accountId, name, update));

    public ValueTask<bool> DeleteObjectLambdaAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Mutate(state =>
            state.ObjectLambdaAccessPoint(accountId, name) is { } current ? state.WithoutObjectLambdaAccessPoint(current) : null) is not null);

    public ValueTask<ObjectLambdaAccessPointPage> ListObjectLambdaAccessPointsAsync(
        string accountId, string? after, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        var (page, truncated) = Page(_state.ObjectLambdaAccessPointsOf(accountId), p => p.Name, after, maxResults);
        return ValueTask.FromResult(new ObjectLambdaAccessPointPage(page, truncated));
    }

    private AccessPoint? UpdateAccessPoint(string accountId, string name, Func<AccessPoint, AccessPoint> update)
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

    private ObjectLambdaAccessPoint? UpdateObjectLambdaAccessPoint(
        string accountId, string name, Func<ObjectLambdaAccessPoint, ObjectLambdaAccessPoint> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        ObjectLambdaAccessPoint? updated = null;
        Mutate(state =>
        {
            var current = state.ObjectLambdaAccessPoint(accountId, name);
            if (current is null) return null;
            updated = update(current);
            if (updated.Name != current.Name || updated.AccountId != current.AccountId || updated.Alias != current.Alias)
            {
                throw new InvalidOperationException("An Object Lambda access point record must keep its name, account and alias.");
            }

            return state.WithObjectLambdaAccessPoint(updated);
        });
        return updated;
    }

    private AccessPointPage ListAccessPoints(string accountId, string? bucket, string? after, int maxResults)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        var (page, truncated) = Page(_state.AccessPointsOf(accountId).Where(p => bucket is null || p.Bucket == bucket), p => p.Name, after, maxResults);
        return new AccessPointPage(page, truncated);
    }

    // Up to maxResults items (already in ordinal name order) whose names sort after `after`, and whether more follow.
    private static (List<T> Page, bool Truncated) Page<T>(IEnumerable<T> ordered, Func<T, string> name, string? after, int maxResults)
    {
        var matching = ordered
            .Where(p => after is null || string.CompareOrdinal(name(p), after) > 0)
            .Take(maxResults + 1)
            .ToList();
        var truncated = matching.Count > maxResults;
        if (truncated) matching.RemoveAt(maxResults);
        return (matching, truncated);
    }

    /// <summary>Applies <paramref name="change"/> (null: nothing to change) and returns the new state, or null.</summary>
    private AccountState? Mutate(Func<AccountState, AccountState?> change)
    {
        lock (_lock)
        {
            var next = change(_state);
            if (next is null) return null;
            _persist?.Invoke(next);
            _state = next;
            return next;
        }
    }
}
