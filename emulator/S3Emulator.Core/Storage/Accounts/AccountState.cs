using System.Collections.Immutable;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Accounts;

/// <summary>
/// An immutable snapshot of every account's control-plane state. Mutations make a new snapshot, so a store
/// can persist it before publishing it and readers never see a half-made change.
/// </summary>
internal sealed record AccountState(
    ImmutableDictionary<string, PublicAccessBlock> PublicAccessBlocks,
    AccountResources<AccessPoint> AccessPoints,
    AccountResources<ObjectLambdaAccessPoint> ObjectLambdaAccessPoints)
{
    public static AccountState Empty { get; } = new(
        ImmutableDictionary.Create<string, PublicAccessBlock>(StringComparer.Ordinal),
        AccountResources<AccessPoint>.Empty,
        AccountResources<ObjectLambdaAccessPoint>.Empty);

    public AccountState WithPublicAccessBlock(string accountId, PublicAccessBlock? configuration) =>
        this with
        {
            PublicAccessBlocks = configuration is null
                ? PublicAccessBlocks.Remove(accountId)
                : PublicAccessBlocks.SetItem(accountId, configuration),
        };
}
