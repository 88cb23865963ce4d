using S3Emulator.Core.Storage.Accounts;

namespace S3Emulator.Core.Storage;

/// <summary>An <see cref="IAccountStore"/> in process memory: the default for tests. Thread-safe.</summary>
public sealed class InMemoryAccountStore() : SnapshotAccountStore(AccountState.Empty, persist: null);
