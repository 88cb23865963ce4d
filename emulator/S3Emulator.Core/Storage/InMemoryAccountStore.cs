using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Accounts;

namespace S3Emulator.Core.Storage;

/// <summary>An <see cref="IAccountStore"/> in process memory: the default for tests. Thread-safe.</summary>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly AccountStoreCore _core = new(AccountState.Empty, persist: null);

    public ValueTask<PublicAccessBlock?> GetPublicAccessBlockAsync(string accountId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_core.GetPublicAccessBlock(accountId));

    public ValueTask SetPublicAccessBlockAsync(string accountId, PublicAccessBlock? configuration, CancellationToken cancellationToken)
    {
        _core.SetPublicAccessBlock(accountId, configuration);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TryCreateAccessPointAsync(AccessPoint accessPoint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_core.TryCreateAccessPoint(accessPoint));

    public ValueTask<AccessPoint?> GetAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_core.GetAccessPoint(accountId, name));

    public ValueTask<AccessPoint?> GetAccessPointByAliasAsync(string alias, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_core.GetAccessPointByAlias(alias));

    public ValueTask<AccessPoint?> UpdateAccessPointAsync(
        string accountId, string name, Func<AccessPoint, AccessPoint> update, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_core.UpdateAccessPoint(accountId, name, update));

    public ValueTask<bool> DeleteAccessPointAsync(string accountId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_core.DeleteAccessPoint(accountId, name));

    public ValueTask<AccessPointPage> ListAccessPointsAsync(
        string accountId, string? bucket, string? after, int maxResults, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_core.ListAccessPoints(accountId, bucket, after, maxResults));
}
