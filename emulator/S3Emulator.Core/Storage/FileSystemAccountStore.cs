using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Accounts;

namespace S3Emulator.Core.Storage;

/// <summary>
/// An <see cref="IAccountStore"/> that keeps its state in one JSON file under a folder and survives a restart.
/// Thread-safe; only one store may use a folder at a time.
/// </summary>
/// <remarks>
/// The state is small (settings and access point records, no content), so every change rewrites the whole
/// file: written aside and renamed into place, so a restart sees the old state or the new one, never a torn
/// one. The file is written before the change becomes visible, so readers never see what a restart would lose.
/// </remarks>
public sealed class FileSystemAccountStore : IAccountStore
{
    private readonly AccountStoreCore _core;

    /// <summary>Opens (or creates) the store in <paramref name="folder"/>, loading the state a previous run left.</summary>
    public FileSystemAccountStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var file = new AccountStateFile(folder);
        _core = new AccountStoreCore(file.Load(), file.Save);
    }

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
