using System.Reflection;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Pipeline;

namespace S3Emulator.Server.Tests.Architecture;

/// <summary>INVARIANTS.md: no static mutable state, so that many emulators can live in one test process.</summary>
public sealed class StaticStateTests
{
    private static readonly Assembly[] EmulatorAssemblies = [typeof(IObjectStore).Assembly, typeof(S3Result).Assembly];

    [TestCaseSource(nameof(EmulatorAssemblies))]
    public void Assembly_HasNoMutableStaticFields(Assembly assembly)
    {
        const BindingFlags Statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var mutable = assembly.GetTypes()
            .Where(t => !t.Name.StartsWith('<')) // compiler-generated types (lambda and regex caches)
            .SelectMany(t => t.GetFields(Statics))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains('<'))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");

        Assert.That(mutable, Is.Empty);
    }
}
