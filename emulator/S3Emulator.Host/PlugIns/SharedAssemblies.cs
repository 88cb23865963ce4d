using System.Reflection;
using Microsoft.AspNetCore.Builder;
using S3Emulator.Transforms;

namespace S3Emulator.Host.PlugIns;

/// <summary>
/// The assemblies a plug-in always gets from the host, never from its own folder: <c>S3Emulator.Transforms</c> (so that
/// the plug-in's <see cref="IObjectLambdaTransform"/> is the host's type), the AWS SDK (whose clients the runner hands
/// to the transform) and the framework. A copy of any of them in a plug-in folder — a published plug-in carries them —
/// is ignored.
/// </summary>
internal sealed class SharedAssemblies
{
    private static readonly string TransformsName = typeof(IObjectLambdaTransform).Assembly.GetName().Name!;

    private readonly HashSet<string> _framework;

    private SharedAssemblies(HashSet<string> framework) => _framework = framework;

    /// <summary>
    /// The framework as this process runs it: the trusted platform assemblies that live in the folders of the .NET and
    /// ASP.NET Core shared frameworks. (A self-contained host keeps them beside its own assemblies, which are then
    /// shared too: there is no telling them apart, and sharing is the safe side.)
    /// </summary>
    public static SharedAssemblies OfThisProcess()
    {
        var frameworkFolders = new[] { typeof(object).Assembly.Location, typeof(WebApplication).Assembly.Location }
            .Select(Path.GetDirectoryName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new SharedAssemblies(trusted
            .Where(path => Path.GetDirectoryName(path) is { } folder && frameworkFolders.Contains(folder))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether the assembly named <paramref name="name"/> comes from the host.</summary>
    public bool Contains(AssemblyName name) => name.Name is { } simple
        && (string.Equals(simple, TransformsName, StringComparison.OrdinalIgnoreCase)
            || simple.StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase)
            || _framework.Contains(simple));
}
