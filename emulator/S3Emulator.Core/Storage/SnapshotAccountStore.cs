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
        ValueTask.FromResult(TryCreate(accessPoint, AccessPoints, WithAccessPoints));

    public ValueTask<AccessPoint?> GetAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.AccessPoints.Get(accountId, name));

    public ValueTask<AccessPoint?> GetAccessPointByAliasAsync(string alias, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.AccessPoints.WithAlias(alias));

    public ValueTask<AccessPoint?> UpdateAccessPointAsync(
        string accountId, string name, Func<AccessPoint, AccessPoint> update, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Update(accountId, name, update, AccessPoints, WithAccessPoints));

    public ValueTask<bool> DeleteAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Delete(accountId, name, AccessPoints, WithAccessPoints));

    public ValueTask<AccessPointPage> ListAccessPointsAsync(
        string accountId, string? bucket, string? after, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        var (page, truncated) = Page(_state.AccessPoints.Of(accountId).Where(p => bucket is null || p.Bucket == bucket), after, maxResults);
        return ValueTask.FromResult(new AccessPointPage(page, truncated));
    }

    public ValueTask<bool> TryCreateObjectLambdaAccessPointAsync(ObjectLambdaAccessPoint olap, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryCreate(olap, ObjectLambdaAccessPoints, WithObjectLambdaAccessPoints));

    public ValueTask<ObjectLambdaAccessPoint?> GetObjectLambdaAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.ObjectLambdaAccessPoints.Get(accountId, name));

    public ValueTask<ObjectLambdaAccessPoint?> GetObjectLambdaAccessPointByAliasAsync(string alias, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_state.ObjectLambdaAccessPoints.WithAlias(alias));

    public ValueTask<ObjectLambdaAccessPoint?> UpdateObjectLambdaAccessPointAsync(
        string accountId, string name, Func<ObjectLambdaAccessPoint, ObjectLambdaAccessPoint> update, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Update(accountId, name, update, ObjectLambdaAccessPoints, WithObjectLambdaAccessPoints));

    public ValueTask<bool> DeleteObjectLambdaAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Delete(accountId, name, ObjectLambdaAccessPoints, WithObjectLambdaAccessPoints));

    public ValueTask<ObjectLambdaAccessPointPage> ListObjectLambdaAccessPointsAsync(
        string accountId, string? after, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        var (page, truncated) = Page(_state.ObjectLambdaAccessPoints.Of(accountId), after, maxResults);
        return ValueTask.FromResult(new ObjectLambdaAccessPointPage(page, truncated));
    }

    // Where each kind of resource lives in the snapshot, for the generic steps below.
    private static AccountResources<AccessPoint> AccessPoints(AccountState state) => state.AccessPoints;
    private static AccountState WithAccessPoints(AccountState state, AccountResources<AccessPoint> resources) => state with { AccessPoints = resources };
    private static AccountResources<ObjectLambdaAccessPoint> ObjectLambdaAccessPoints(AccountState state) => state.ObjectLambdaAccessPoints;
    private static AccountState WithObjectLambdaAccessPoints(AccountState state, AccountResources<ObjectLambdaAccessPoint> resources) =>
        state with { ObjectLambdaAccessPoints = resources };

    private bool TryCreate<T>(T item, Func<AccountState, AccountResources<T>> of, Func<AccountState, AccountResources<T>, AccountState> into)
        where T : class, IAccountResource
    {
        ArgumentNullException.ThrowIfNull(item);
        return Mutate(state => of(state).CanAdd(item) ? into(state, of(state).With(item)) : null) is not null;
    }

    private bool Delete<T>(string accountId, string name, Func<AccountState, AccountResources<T>> of, Func<AccountState, AccountResources<T>, AccountState> into)
        where T : class, IAccountResource =>
        Mutate(state => of(state).Get(accountId, name) is { } current ? into(state, of(state).Without(current)) : null) is not null;

    private T? Update<T>(
        string accountId, string name, Func<T, T> update, Func<AccountState, AccountResources<T>> of, Func<AccountState, AccountResources<T>, AccountState> into)
        where T : class, IAccountResource
    {
        ArgumentNullException.ThrowIfNull(update);
        T? updated = null;
        Mutate(state =>
        {
            var current = of(state).Get(accountId, name);
            if (current is null) return null;
            updated = update(current);
            if (updated.Name != current.Name || updated.AccountId != current.AccountId || updated.Alias != current.Alias)
            {
                throw new InvalidOperationException("An access point's record must keep its name, account and alias.");
            }

            return into(state, of(state).With(updated));
        });
        return updated;
    }

    // Up to maxResults items (already in ordinal name order) whose names sort after `after`, and whether more follow.
    private static (List<T> Page, bool Truncated) Page<T>(IEnumerable<T> ordered, string? after, int maxResults) where T : IAccountResource
    {
        var matching = ordered
            .Where(p => after is null || string.CompareOrdinal(p.Name, after) > 0)
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
