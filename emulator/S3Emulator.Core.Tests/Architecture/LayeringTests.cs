using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Tests.Architecture;

/// <summary>INVARIANTS.md: Core knows nothing of HTTP, so storage and models can be tested and reused without a host.</summary>
public sealed class LayeringTests
{
    [Test]
    public void Core_ReferencesNoAspNetCoreAssembly()
    {
        var references = typeof(IObjectStore).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore"));
        Assert.That(references, Has.None.StartsWith("AWSSDK"));
    }
}
