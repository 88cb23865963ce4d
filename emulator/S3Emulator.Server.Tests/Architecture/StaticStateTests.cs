using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Tests.Architecture;

/// <summary>
/// INVARIANTS.md: no static mutable state, so that many emulators can live in one test process. A static
/// field must be readonly, and what a readonly field holds must not be a collection that can change
/// (arrays, List, Dictionary, HashSet, ConcurrentDictionary …); Frozen*, Immutable* and ReadOnly* wrappers
/// are fine because the object itself refuses changes, whatever type the field is declared with.
/// </summary>
public sealed class StaticStateTests
{
    private const BindingFlags Statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Assembly[] EmulatorAssemblies = [typeof(IObjectStore).Assembly, typeof(S3Result).Assembly];

    [TestCaseSource(nameof(EmulatorAssemblies))]
    public void Assembly_HasNoMutableStaticFields(Assembly assembly)
    {
        var mutable = StaticFields(assembly)
            .Where(f => !f.IsInitOnly && !f.IsLiteral)
            .Select(Name);

        Assert.That(mutable, Is.Empty);
    }

    [TestCaseSource(nameof(EmulatorAssemblies))]
    public void Assembly_HasNoStaticReadonlyMutableCollections(Assembly assembly)
    {
        var mutable = StaticFields(assembly)
            .Where(f => f.IsInitOnly && HoldsMutableCollection(f))
            .Select(f => $"{Name(f)} ({f.GetValue(null)?.GetType().Name ?? f.FieldType.Name})");

        Assert.That(mutable, Is.Empty);
    }

    [Test]
    public void TheCollectionCheck_TellsMutableFromImmutable()
    {
        Assert.Multiple(() =>
        {
            Assert.That(IsMutableCollection(new[] { "a" }), Is.True, "array");
            Assert.That(IsMutableCollection(new List<int>()), Is.True, "List");
            Assert.That(IsMutableCollection(new Dictionary<string, int>()), Is.True, "Dictionary");
            Assert.That(IsMutableCollection(new HashSet<string>()), Is.True, "HashSet");
            Assert.That(IsMutableCollection(new ConcurrentDictionary<string, int>()), Is.True, "ConcurrentDictionary");
            Assert.That(IsMutableCollection(new ConcurrentQueue<int>()), Is.True, "ConcurrentQueue");
            Assert.That(IsMutableCollection(new Queue<int>()), Is.True, "Queue");
            Assert.That(IsMutableCollection(new Hashtable()), Is.True, "Hashtable");
            Assert.That(IsMutableCollection(System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(new Dictionary<string, int>())), Is.False, "FrozenDictionary");
            Assert.That(IsMutableCollection(System.Collections.Frozen.FrozenSet.ToFrozenSet(["a"])), Is.False, "FrozenSet");
            Assert.That(IsMutableCollection(System.Collections.Immutable.ImmutableArray.Create("a")), Is.False, "ImmutableArray");
            Assert.That(IsMutableCollection(new List<int>().AsReadOnly()), Is.False, "ReadOnlyCollection");
            Assert.That(IsMutableCollection("a string"), Is.False, "string");
        });
    }

    private static IEnumerable<FieldInfo> StaticFields(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.Name.StartsWith('<') && !t.ContainsGenericParameters) // compiler-generated types (lambda and regex caches)
            .SelectMany(t => t.GetFields(Statics))
            .Where(f => !f.Name.Contains('<'));

    private static bool HoldsMutableCollection(FieldInfo field) =>
        field.FieldType.IsArray || IsMutableCollection(field.GetValue(null));

    // ICollection<T>.IsReadOnly is false for arrays and every changeable BCL collection, true for Frozen*,
    // Immutable* and ReadOnly* wrappers; the concurrent collections only implement the non-generic ICollection.
    private static bool IsMutableCollection(object? value) => value switch
    {
        null or string => false,
        Array => true,
        IList list => !list.IsReadOnly,
        IDictionary dictionary => !dictionary.IsReadOnly,
        _ when GenericCollectionIsReadOnly(value) is { } isReadOnly => !isReadOnly,
        ICollection => !IsKnownImmutable(value),
        _ => IsProducerConsumer(value),
    };

    private static bool? GenericCollectionIsReadOnly(object value)
    {
        var collection = value.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));
        return collection is null ? null : (bool)collection.GetProperty(nameof(ICollection<int>.IsReadOnly))!.GetValue(value)!;
    }

    private static bool IsProducerConsumer(object value) =>
        value.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IProducerConsumerCollection<>));

    private static bool IsKnownImmutable(object value) =>
        value.GetType().Namespace is "System.Collections.Immutable" or "System.Collections.Frozen";

    private static string Name(FieldInfo field) => $"{field.DeclaringType!.FullName}.{field.Name}";
}
