using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Tests.Storage;

[TestFixture]
public sealed class InMemoryAccountStoreTests : AccountStoreContractTests
{
    protected override IAccountStore CreateStore() => new InMemoryAccountStore();
}
