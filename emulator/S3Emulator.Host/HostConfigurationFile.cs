using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace S3Emulator.Host;

/// <summary>
/// The optional configuration file, shaped like appsettings.json (an <c>S3Emulator</c> section): named by
/// <c>--config &lt;file&gt;</c> or the environment variable <c>S3EMULATOR_CONFIG</c> (the image sets
/// <c>/etc/s3emulator/s3emulator.json</c>). It overrides appsettings.json; the environment and the command line
/// override it. A file named on the command line must exist (a typo is told); one named by the environment may be
/// missing, so the image can name a file that is mounted only when there is something to configure.
/// </summary>
internal static class HostConfigurationFile
{
    public const string Switch = "--config";
    public const string EnvironmentVariable = "S3EMULATOR_CONFIG";

    /// <summary>The file's full path and whether it must exist; null when none is named.</summary>
    public static (string Path, bool Required)? Find(IReadOnlyList<string> args, string? environmentValue)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Switch)
            {
                return i + 1 < args.Count && args[i + 1].Length > 0
                    ? (Path.GetFullPath(args[i + 1]), true)
                    : throw new InvalidOperationException($"{Switch} needs a file name: {Switch} <file>.");
            }
            if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal))
            {
                return (Path.GetFullPath(args[i][(Switch.Length + 1)..]), true);
            }
        }
        return environmentValue is { Length: > 0 } value ? (Path.GetFullPath(value), false) : null;
    }

    /// <summary>
    /// Adds the file named by <paramref name="args"/> or the environment to <paramref name="configuration"/>, just
    /// before its environment variables (those without a prefix) or its command line, whichever comes first.
    /// </summary>
    /// <exception cref="InvalidOperationException">A file named by <c>--config</c> does not exist.</exception>
    public static void AddTo(IConfigurationBuilder configuration, IReadOnlyList<string> args)
    {
        if (Find(args, Environment.GetEnvironmentVariable(EnvironmentVariable)) is not { } found)
        {
            return;
        }
        var (path, required) = found;
        if (!File.Exists(path))
        {
            if (required) throw new InvalidOperationException($"{Switch} names '{path}', which does not exist.");
            return;
        }
        var source = new JsonConfigurationSource
        {
            Path = System.IO.Path.GetFileName(path),
            FileProvider = new PhysicalFileProvider(System.IO.Path.GetDirectoryName(path)!),
            Optional = false,
            ReloadOnChange = false,
        };
        var sources = configuration.Sources;
        var index = 0;
        while (index < sources.Count && !Overrides(sources[index]))
        {
            index++;
        }
        sources.Insert(index, source);
    }

    private static bool Overrides(IConfigurationSource source) => source
        is CommandLineConfigurationSource
        or EnvironmentVariablesConfigurationSource { Prefix: null or "" };
}
