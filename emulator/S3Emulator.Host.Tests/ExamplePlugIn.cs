using System.Reflection;

namespace S3Emulator.Host.Tests;

/// <summary>The example transforms' build output (<c>fixtures/S3Emulator.ExampleTransforms</c>), deployed as a plug-in.</summary>
internal static class ExamplePlugIn
{
    public const string FileName = "S3Emulator.ExampleTransforms.dll";

    public static string Assembly { get; } = typeof(ExamplePlugIn).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "S3EmulatorExampleTransformsAssembly").Value!;

    /// <summary>
    /// Copies every file of the build output into <paramref name="folder"/>, as a user copies a plug-in's output: the
    /// plug-in, its <c>.deps.json</c>, and its own copy of <c>S3Emulator.Transforms.dll</c>, which the host must ignore.
    /// </summary>
    public static string CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Assembly)!))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return Path.Combine(folder, FileName);
    }
}
