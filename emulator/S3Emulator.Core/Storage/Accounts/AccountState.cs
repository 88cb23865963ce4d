using System.Collections.Immutable;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Accounts;

/// <summary>
/// An immutable snapshot of every account's control-plane state. Mutations make a new snapshot, so a store
/// can persist it before publishing it and readers never see a half-made change.
/// </summary>
internal sealed record AccountState(
    ImmutableDictionary<string, PublicAccessBlock> PublicAccessBlocks,
    ImmutableDictionary<string, ImmutableSortedDictionary<string, AccessPoint>> AccessPoints,
    ImmutableDictionary<string, AccessPoint> AccessPointsByAlias,
    ImmutableDictionary<string, ImmutableSortedDictionary<string, ObjectLambdaAccessPoint>> ObjectLambdaAccessPoints,
    ImmutableDictionary<string, ObjectLambdaAccessPoint> ObjectLambdaAccessPointsByAlias)
{
    public static AccountState Empty { get; } = new(
        ImmutableDictionary.Create<string, PublicAccessBlock>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, AccessPoint>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, AccessPoint>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, ObjectLambdaAccessPoint>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ObjectLambdaAccessPoint>(StringComparer.Ordinal));

    public AccountState WithPublicAccessBlock(string accountId, PublicAccessBlock? configuration) =>
        this with
        {
            PublicAccessBlocks = configuration is null
                ? PublicAccessBlocks.Remove(accountId)
                : PublicAccessBlocks.SetItem(accountId, configuration),
        };

    public AccessPoint? AccessPoint(string accountId, string name) =>
        AccessPoints.TryGetValue(accountId, out var points) && points.TryGetValue(name, out var point) ? point : null;

    public IEnumerable<AccessPoint> AccessPointsOf(string accountId) =>
        AccessPoints.TryGetValue(accountId, out var points) ? points.Values : [];

    /// <summary>Adds or replaces the access point (by account and name), keeping the alias index in step.</summary>
    public AccountState WithAccessPoint(AccessPoint accessPoint)
    {
        var points = AccessPoints.TryGetValue(accessPoint.AccountId, out var existing)
            ? existing
            : ImmutableSortedDictionary.Create<string, AccessPoint>(StringComparer.Ordinal);
        var byAlias = existing?.TryGetValue(accessPoint.Name, out var previous) == true
            ? AccessPointsByAlias.Remove(previous.Alias)
            : AccessPointsByAlias;
        return this with
        {
            AccessPoints = AccessPoints.SetItem(accessPoint.AccountId, points.SetItem(accessPoint.Name, accessPoint)),
            AccessPointsByAlias = byAlias.SetItem(accessPoint.Alias, accessPoint),
        };
    }

    public AccountState WithoutAccessPoint(AccessPoint accessPoint)
    {
        var points = AccessPoints[accessPoint.AccountId].Remove(accessPoint.Name);
        return this with
        {
            AccessPoints = points.IsEmpty
                ? AccessPoints.Remove(accessPoint.AccountId)
                : AccessPoints.SetItem(accessPoint.AccountId, points),
            AccessPointsByAlias = AccessPointsByAlias.Remove(accessPoint.Alias),
        };
    }

    public ObjectLambdaAccessPoint? ObjectLambdaAccessPoint(string accountId, string name) =>
        ObjectLambdaAccessPoints.TryGetValue(accountId, out var points) && points.TryGetValue(name, out var point) ? point : null;

    public IEnumerable<ObjectLambdaAccessPoint> ObjectLambdaAccessPointsOf(string accountId) =>
        ObjectLambdaAccessPoints.TryGetValue(accountId, out var points) ? points.Values : [];

    /// <summary>Adds or replaces the Object Lambda access point (by account and name), keeping the alias index in step.</summary>
    public AccountState WithObjectLambdaAccessPoint(ObjectLambdaAccessPoint olap)
    {
        var points = ObjectLambdaAccessPoints.TryGetValue(olap.AccountId, out var existing)
            ? existing
            : ImmutableSortedDictionary.Create<string, ObjectLambdaAccessPoint>(StringComparer.Ordinal);
        var byAlias = existing?.TryGetValue(olap.Name, out var previous) == true
            ? ObjectLambdaAccessPointsByAlias.Remove(previous.Alias)
            : ObjectLambdaAccessPointsByAlias;
        return this with
        {
            ObjectLambdaAccessPoints = ObjectLambdaAccessPoints.SetItem(olap.AccountId, points.SetItem(olap.Name, olap)),
            ObjectLambdaAccessPointsByAlias = byAlias.SetItem(olap.Alias, olap),
        };
    }

    public AccountState WithoutObjectLambdaAccessPoint(ObjectLambdaAccessPoint olap)
    {
        var points = ObjectLambdaAccessPoints[olap.AccountId].Remove(olap.Name);
        return this with
        {
            ObjectLambdaAccessPoints = points.IsEmpty
                ? ObjectLambdaAccessPoints.Remove(olap.AccountId)
                : ObjectLambdaAccessPoints.SetItem(olap.AccountId, points),
            ObjectLambdaAccessPointsByAlias = ObjectLambdaAccessPointsByAlias.Remove(olap.Alias),
        };
    }
}
