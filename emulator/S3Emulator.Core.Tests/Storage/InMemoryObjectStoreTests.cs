using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Tests.Storage;

[TestFixture]
public sealed class InMemoryObjectStoreTests : ObjectStoreContractTests
{
    protected override IObjectStore CreateStore() => new InMemoryObjectStore();
}
