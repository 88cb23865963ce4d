using System.Buffers.Binary;
using System.Reflection;
using System.Text.RegularExpressions;
using S3Emulator.Server.Hosting;
using S3Emulator.Transforms;

namespace S3Emulator.Host.PlugIns;

/// <summary>
/// Finds the functions of a plug-in folder: every <c>*.dll</c> in it, and in each folder directly under it, is loaded
/// (one <see cref="PlugInLoadContext"/> per folder, so that plug-ins kept in folders of their own may depend on
/// different versions of a library), and every public class marked <c>[ObjectLambdaFunction("name")]</c> that
/// implements <see cref="IObjectLambdaTransform"/> with a public parameterless constructor becomes a function.
/// Files that are not .NET assemblies (native libraries) are skipped; anything else that goes wrong stops start-up
/// with a message naming the file.
/// </summary>
internal static partial class PlugInLoader
{
    private static readonly string Setting = $"{S3EmulatorOptions.SectionName}:{nameof(S3EmulatorOptions.FunctionsPath)}";

    /// <exception cref="S3EmulatorConfigurationException">The folder is missing, or a plug-in cannot be used.</exception>
    public static IReadOnlyList<PlugInFunction> Load(string folder, EmulatorLoopback loopback)
    {
        if (!Directory.Exists(folder))
        {
            throw new S3EmulatorConfigurationException($"{Setting} names '{folder}', which does not exist.");
        }

        var shared = SharedAssemblies.OfThisProcess();
        var found = new Dictionary<string, PlugInFunction>(StringComparer.Ordinal);
        try
        {
            foreach (var pluginFolder in (string[])[folder, .. Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)])
            {
                foreach (var (assembly, path) in LoadAssemblies(pluginFolder, shared))
                {
                    foreach (var function in FunctionsIn(assembly, path, loopback))
                    {
                        if (found.TryGetValue(function.Name, out var earlier))
                        {
                            function.Dispose();
                            throw new S3EmulatorConfigurationException(
                                $"{Setting}: the function '{function.Name}' is defined twice: by {earlier.Type.FullName} in '{earlier.AssemblyPath}' "
                                + $"and by {function.Type.FullName} in '{function.AssemblyPath}'. Function names must be unique.");
                        }

                        found.Add(function.Name, function);
                    }
                }
            }
        }
        catch
        {
            foreach (var function in found.Values) function.Dispose();
            throw;
        }

        return [.. found.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static List<(Assembly Assembly, string Path)> LoadAssemblies(string folder, SharedAssemblies shared)
    {
        var candidates = new List<(string Path, AssemblyName Name)>();
        var context = new PlugInLoadContext(folder, shared);
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            AssemblyName name;
            try
            {
                // Not a .NET assembly: a native library a plug-in may P/Invoke.
                if (!HasMetadata(path)) continue;
                name = AssemblyName.GetAssemblyName(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or ArgumentException)
            {
                throw CannotLoad(path, e);
            }

            // A published plug-in carries copies of the host's assemblies; the host's are the ones that count.
            if (shared.Contains(name)) continue;
            try
            {
                context.AddDependenciesOf(path);
            }
            catch (InvalidOperationException e)
            {
                throw CannotLoad(path, e);
            }

            candidates.Add((path, name));
        }

        var loaded = new List<(Assembly Assembly, string Path)>();
        foreach (var (path, name) in candidates)
        {
            try
            {
                // An earlier plug-in may have loaded this one as its dependency already.
                var assembly = context.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()))
                    ?? context.LoadFromAssemblyPath(path);
                if (loaded.FirstOrDefault(l => l.Assembly == assembly) is { Assembly: not null } twice)
                {
                    throw new S3EmulatorConfigurationException(
                        $"{Setting}: '{path}' is the assembly {name.Name}, which '{twice.Path}' already is: keep one of the two files.");
                }

                loaded.Add((assembly, path));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                throw CannotLoad(path, e);
            }
        }

        return loaded;
    }

    private static IEnumerable<PlugInFunction> FunctionsIn(Assembly assembly, string path, EmulatorLoopback loopback)
    {
        var marked = new List<(Type Type, string Name)>();
        try
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                if (type.GetCustomAttribute<ObjectLambdaFunctionAttribute>(inherit: false) is { } attribute) marked.Add((type, attribute.Name));
            }
        }
        catch (ReflectionTypeLoadException e)
        {
            throw CannotLoad(path, e.LoaderExceptions.FirstOrDefault(l => l is not null) ?? e);
        }
        catch (Exception e) when (e is IOException or TypeLoadException or BadImageFormatException or CustomAttributeFormatException)
        {
            throw CannotLoad(path, e);
        }

        foreach (var (type, name) in marked)
        {
            if (!FunctionName().IsMatch(name))
            {
                throw new S3EmulatorConfigurationException(
                    $"{Setting}: '{path}': {type.FullName} is marked [ObjectLambdaFunction(\"{name}\")], which is not a Lambda function name (1–64 letters, digits, '-' and '_').");
            }

            if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || !typeof(IObjectLambdaTransform).IsAssignableFrom(type)
                || type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new S3EmulatorConfigurationException(
                    $"{Setting}: '{path}': {type.FullName} is marked [ObjectLambdaFunction(\"{name}\")] but is not a non-abstract class "
                    + $"implementing {nameof(IObjectLambdaTransform)} with a public parameterless constructor.");
            }

            IObjectLambdaTransform transform;
            try
            {
                transform = (IObjectLambdaTransform)Activator.CreateInstance(type)!;
            }
            catch (TargetInvocationException e)
            {
                throw new S3EmulatorConfigurationException($"{Setting}: '{path}': the constructor of {type.FullName} threw: {e.InnerException?.Message ?? e.Message}");
            }

            yield return new PlugInFunction(name, type, path, transform, loopback);
        }
    }

    // Whether the file's PE headers (at its start) announce CLI metadata: a file that is no PE image (an ELF or Mach-O
    // library) or a PE image without a CLI header (a native DLL) is not .NET. Read by hand, because PEReader also reads
    // the CLI header itself, and a damaged .NET assembly must fail to load with its name, not pass for a native library.
    private static bool HasMetadata(string path)
    {
        const int CliHeaderDirectory = 14, PeSignature = 0x00004550, Pe32 = 0x10b, Pe32Plus = 0x20b;
        using var file = File.OpenRead(path);
        var header = new byte[4096];
        var length = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var span = header.AsSpan(0, length);
        if (length < 0x40 || span[0] != 'M' || span[1] != 'Z') return false;
        var pe = BinaryPrimitives.ReadInt32LittleEndian(span[0x3C..]);
        var optional = pe + 4 + 20;
        if (pe < 0 || optional + 2 > length || BinaryPrimitives.ReadInt32LittleEndian(span[pe..]) != PeSignature) return false;
        var directories = BinaryPrimitives.ReadUInt16LittleEndian(span[optional..]) switch
        {
            Pe32 => optional + 96,
            Pe32Plus => optional + 112,
            _ => -1,
        };
        var cli = directories + (CliHeaderDirectory * 8);
        return directories > 0 && cli + 8 <= length && BinaryPrimitives.ReadUInt32LittleEndian(span[(cli + 4)..]) > 0;
    }

    private static S3EmulatorConfigurationException CannotLoad(string path, Exception e) =>
        new($"{Setting}: '{path}' could not be loaded: {e.Message}");

    // Lambda's function name, as the name part of an ARN.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex FunctionName();
}
