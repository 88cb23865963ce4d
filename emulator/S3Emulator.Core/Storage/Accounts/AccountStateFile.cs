using System.Text.Json;
using System.Text.Json.Serialization;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.FileSystem;

namespace S3Emulator.Core.Storage.Accounts;

/// <summary>
/// Reads and writes <c>accounts.json</c>, the <see cref="FileSystemAccountStore"/>'s one state file:
/// a format version and, per account, its Block Public Access settings and access points.
/// </summary>
internal sealed class AccountStateFile
{
    /// <summary>
    /// Versions the file's format. 2 added Object Lambda access points; this build still reads 1. A build that reads
    /// only 1 refuses a 2 rather than dropping the Object Lambda access points it does not know on its next write.
    /// </summary>
    public const int CurrentFormat = 2;

    private const string StateName = "accounts.json";

    private readonly string _path;

    public AccountStateFile(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        _path = Path.Combine(full, StateName);
    }

    public AccountState Load()
    {
        if (!File.Exists(_path)) return AccountState.Empty;
        AccountStoreRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(File.ReadAllBytes(_path), AccountJsonContext.Default.AccountStoreRecord);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The account store file '{_path}' is not valid JSON.", ex);
        }

        if (record is null) throw new InvalidDataException($"The account store file '{_path}' is empty.");
        if (record.FormatVersion is < 1 or > CurrentFormat)
        {
            throw new InvalidDataException(
                $"The account store file '{_path}' has format version {record.FormatVersion}; this build reads up to {CurrentFormat}.");
        }

        var state = AccountState.Empty;
        foreach (var account in record.Accounts)
        {
            state = state.WithPublicAccessBlock(account.AccountId, account.PublicAccessBlock);
            foreach (var accessPoint in account.AccessPoints ?? []) state = state with { AccessPoints = state.AccessPoints.With(accessPoint) };
            foreach (var olap in account.ObjectLambdaAccessPoints ?? []) state = state with { ObjectLambdaAccessPoints = state.ObjectLambdaAccessPoints.With(olap) };
        }

        return state;
    }

    /// <summary>Writes the whole state aside and renames it over the old file, so a crash leaves one or the other.</summary>
    public void Save(AccountState state)
    {
        var accountIds = state.PublicAccessBlocks.Keys.Union(state.AccessPoints.ByAccount.Keys, StringComparer.Ordinal)
            .Union(state.ObjectLambdaAccessPoints.ByAccount.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var record = new AccountStoreRecord(
            CurrentFormat,
            [
                .. accountIds.Select(id => new AccountRecord(
                    id, state.PublicAccessBlocks.GetValueOrDefault(id), [.. state.AccessPoints.Of(id)],
                    state.ObjectLambdaAccessPoints.ByAccount.ContainsKey(id) ? [.. state.ObjectLambdaAccessPoints.Of(id)] : null)),
            ]);
        var temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(record, AccountJsonContext.Default.AccountStoreRecord));
            File.Move(temp, _path, overwrite: true);
        }
        finally
        {
            StoreFiles.DeleteQuietly(temp);
        }
    }
}

internal sealed record AccountStoreRecord(int FormatVersion, IReadOnlyList<AccountRecord> Accounts);

/// <param name="AccessPoints">Null in a file written without any (kept optional so later formats can add siblings).</param>
/// <param name="ObjectLambdaAccessPoints">Since format 2; null in a format 1 file and for an account without any.</param>
internal sealed record AccountRecord(
    string AccountId,
    PublicAccessBlock? PublicAccessBlock,
    IReadOnlyList<AccessPoint>? AccessPoints,
    IReadOnlyList<ObjectLambdaAccessPoint>? ObjectLambdaAccessPoints = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(AccountStoreRecord))]
internal sealed partial class AccountJsonContext : JsonSerializerContext;
