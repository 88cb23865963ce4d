using System.Collections.Immutable;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Accounts;

/// <summary>What <see cref="AccountResources{T}"/> indexes a resource by: its name within its account, and its alias.</summary>
internal interface IAccountResource
{
    string Name { get; }
    string AccountId { get; }
    string Alias { get; }
}

/// <summary>
/// One kind of named account resource (access points, Object Lambda access points): by account, ordered by name, and by
/// alias, kept in step. Immutable: every change makes a new index.
/// </summary>
internal sealed record AccountResources<T>(
    ImmutableDictionary<string, ImmutableSortedDictionary<string, T>> ByAccount,
    ImmutableDictionary<string, T> ByAlias)
    where T : class, IAccountResource
{
    public static AccountResources<T> Empty { get; } = new(
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, T>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, T>(StringComparer.Ordinal));

    public T? Get(string accountId, string name) =>
        ByAccount.TryGetValue(accountId, out var items) && items.TryGetValue(name, out var item) ? item : null;

    public T? WithAlias(string alias) => ByAlias.GetValueOrDefault(alias);

    /// <summary>The account's resources, ordered by name (ordinal).</summary>
    public IEnumerable<T> Of(string accountId) => ByAccount.TryGetValue(accountId, out var items) ? items.Values : [];

    /// <summary>Whether <paramref name="item"/> can be added: its name is free in its account and its alias everywhere.</summary>
    public bool CanAdd(T item) => Get(item.AccountId, item.Name) is null && !ByAlias.ContainsKey(item.Alias);

    /// <summary>Adds or replaces <paramref name="item"/> (by account and name), keeping the alias index in step.</summary>
    public AccountResources<T> With(T item)
    {
        var items = ByAccount.TryGetValue(item.AccountId, out var existing)
            ? existing
            : ImmutableSortedDictionary.Create<string, T>(StringComparer.Ordinal);
        var byAlias = existing?.TryGetValue(item.Name, out var previous) == true ? ByAlias.Remove(previous.Alias) : ByAlias;
        return new(ByAccount.SetItem(item.AccountId, items.SetItem(item.Name, item)), byAlias.SetItem(item.Alias, item));
    }

    public AccountResources<T> Without(T item)
    {
        var items = ByAccount[item.AccountId].Remove(item.Name);
        return new(items.IsEmpty ? ByAccount.Remove(item.AccountId) : ByAccount.SetItem(item.AccountId, items), ByAlias.Remove(item.Alias));
    }
}
