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
public sealed class FileSystemAccountStore : SnapshotAccountStore
{
    /// <summary>Opens (or creates) the store in <paramref name="folder"/>, loading the state a previous run left.</summary>
    public FileSystemAccountStore(string folder)
        : this(new AccountStateFile(folder))
    {
    }

    private FileSystemAccountStore(AccountStateFile file)
        : base(file.Load(), file.Save)
    {
    }
}
