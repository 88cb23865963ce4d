using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace S3Emulator.ClientTests;

/// <summary>
/// Builds one fixture per <see cref="Transport"/> the fixture class runs in: the three in-process transports always,
/// the container when <see cref="ContainerScenarios"/> lists the class. A <c>[TestFixtureSource]</c> cannot do this: its
/// source does not know which class it builds.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class TransportFixtureSourceAttribute : NUnitAttribute, IFixtureBuilder2
{
    private readonly NUnitTestFixtureBuilder _builder = new();

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo) => BuildFrom(typeInfo, new Everything());

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter) =>
        TransportsOf(typeInfo.Type).Select(transport => _builder.BuildFrom(typeInfo, filter, new TestFixtureParameters(transport)));

    /// <summary>The transports <paramref name="fixture"/> runs in.</summary>
    public static IEnumerable<Transport> TransportsOf(Type fixture) =>
        Enum.GetValues<Transport>().Where(t => t != Transport.Container || ContainerScenarios.RunsInContainer(fixture));

    // NUnit's empty filter is internal; the one-argument BuildFrom means "every test".
    private sealed class Everything : IPreFilter
    {
        public bool IsMatch(Type type) => true;

        public bool IsMatch(Type type, System.Reflection.MethodInfo method) => true;
    }
}
