using System.Reflection;
using System.Runtime.Loader;

namespace S3Emulator.Host.PlugIns;

/// <summary>
/// The load context of one plug-in folder: its assemblies and their own dependencies come from the folder (through each
/// plug-in's <c>.deps.json</c> when it has one, else <c>{name}.dll</c> beside it), while <see cref="SharedAssemblies"/>
/// and anything the folder lacks come from the host. Not collectible: plug-ins live as long as the emulator.
/// </summary>
internal sealed class PlugInLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly SharedAssemblies _shared;
    private readonly List<AssemblyDependencyResolver> _resolvers = [];

    public PlugInLoadContext(string folder, SharedAssemblies shared)
        : base($"S3Emulator plug-ins in {folder}", isCollectible: false)
    {
        _folder = folder;
        _shared = shared;
    }

    /// <summary>Resolves dependencies through <paramref name="assemblyPath"/>'s <c>.deps.json</c>, when it has one.</summary>
    /// <exception cref="InvalidOperationException">The <c>.deps.json</c> cannot be read.</exception>
    public void AddDependenciesOf(string assemblyPath)
    {
        if (File.Exists(Path.ChangeExtension(assemblyPath, ".deps.json")))
        {
            _resolvers.Add(new AssemblyDependencyResolver(assemblyPath));
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Null defers to the default context: the host's copy.
        if (_shared.Contains(assemblyName)) return null;
        foreach (var resolver in _resolvers)
        {
            if (resolver.ResolveAssemblyToPath(assemblyName) is { } path) return LoadFromAssemblyPath(path);
        }

        var beside = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(beside) ? LoadFromAssemblyPath(beside) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        foreach (var resolver in _resolvers)
        {
            if (resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path) return LoadUnmanagedDllFromPath(path);
        }

        return IntPtr.Zero;
    }
}
