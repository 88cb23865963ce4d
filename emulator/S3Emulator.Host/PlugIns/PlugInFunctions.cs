using System.Globalization;
using System.Text.RegularExpressions;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Hosting.Certificates;

namespace S3Emulator.Host.PlugIns;

/// <summary>
/// The functions loaded from <see cref="S3EmulatorOptions.FunctionsPath"/> (none when it is not set), registered as
/// <see cref="S3EmulatorOptions.Functions"/> entries before the emulator builds its function registry. Disposing
/// releases their clients.
/// </summary>
internal sealed partial class PlugInFunctions : IDisposable
{
    private readonly EmulatorLoopback _loopback;

    private PlugInFunctions(string? folder, IReadOnlyList<PlugInFunction> functions, EmulatorLoopback loopback)
    {
        Folder = folder;
        Functions = functions;
        _loopback = loopback;
    }

    /// <summary>The plug-in folder as a full path; null when none is configured.</summary>
    public string? Folder { get; }

    /// <summary>The functions found, by name.</summary>
    public IReadOnlyList<PlugInFunction> Functions { get; }

    /// <summary>Loads the plug-ins of <paramref name="folder"/> (relative to the working directory); none for null or empty.</summary>
    /// <exception cref="S3EmulatorConfigurationException">The folder is missing, or a plug-in cannot be used; the message names it.</exception>
    public static PlugInFunctions Load(string? folder)
    {
        var loopback = new EmulatorLoopback();
        if (folder is not { Length: > 0 }) return new PlugInFunctions(null, [], loopback);
        var full = Path.GetFullPath(folder);
        return new PlugInFunctions(full, PlugInLoader.Load(full, loopback), loopback);
    }

    /// <summary>
    /// Adds each function to <paramref name="options"/>' <see cref="S3EmulatorOptions.Functions"/>. A configured entry of
    /// the same function name with neither Url nor Handler (one that gives only its Role or TimeoutSeconds, in any
    /// account, region or qualifier) is served by the plug-in; otherwise an entry of that name is added, with no role.
    /// </summary>
    /// <exception cref="S3EmulatorConfigurationException">An HTTP function of the emulator's account has the same name.</exception>
    public void AddTo(S3EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var function in Functions)
        {
            var servesOwn = false;
            for (var i = 0; i < options.Functions.Count; i++)
            {
                var entry = options.Functions[i];
                if (!TryReadName(entry.Arn, options, out var name, out var own) || name != function.Name) continue;
                if (entry is { Url: null or "", Handler: null })
                {
                    entry.Handler = function;
                    entry.HostKind = FunctionHostKind.PlugIn;
                    servesOwn |= own;
                }
                else if (own)
                {
                    throw new S3EmulatorConfigurationException(string.Create(CultureInfo.InvariantCulture,
                        $"{S3EmulatorOptions.SectionName}:{nameof(S3EmulatorOptions.Functions)}:{i} '{entry.Arn}' is an HTTP function, and the plug-in "
                        + $"'{function.AssemblyPath}' defines a function of the same name ({function.Type.FullName}): remove the Url or the plug-in."));
                }
            }

            if (!servesOwn)
            {
                options.Functions.Add(new FunctionOptions { Arn = function.Name, Handler = function, HostKind = FunctionHostKind.PlugIn });
            }
        }
    }

    /// <summary>
    /// Lets the functions' clients reach the emulator: its listening ports and, for HTTPS, its certificate. Call once the
    /// emulator's services are built, before it serves requests.
    /// </summary>
    public void Attach(HostSettings settings, EmulatorCertificateProvider? certificate)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _loopback.Attach(settings.HttpPort, settings.HttpsPort, certificate?.Certificate);
    }

    public void Dispose()
    {
        foreach (var function in Functions) function.Dispose();
    }

    /// <summary>
    /// The function name an entry's Arn gives, and whether it is the emulator's own (its region and account, no
    /// qualifier other than <c>$LATEST</c>: the registration a bare name resolves to).
    /// </summary>
    private static bool TryReadName(string? arn, S3EmulatorOptions options, out string name, out bool own)
    {
        name = "";
        own = false;
        if (arn is null || FunctionArn().Match(arn) is not { Success: true } match) return false;
        name = match.Groups["name"].Value;
        own = (!match.Groups["region"].Success || match.Groups["region"].Value == options.Region)
            && (!match.Groups["account"].Success || match.Groups["account"].Value == options.AccountId)
            && match.Groups["qualifier"].Value is "" or "$LATEST";
        return true;
    }

    // Lambda's FunctionName forms, as the emulator's FunctionReference reads them.
    [GeneratedRegex(
        @"^(?:arn:aws[a-z-]*:lambda:(?<region>[a-z0-9-]+):(?<account>[0-9]{12}):function:|(?<account>[0-9]{12}):function:|function:)?"
        + @"(?<name>[A-Za-z0-9_-]{1,64})(?::(?<qualifier>\$LATEST|[A-Za-z0-9_-]{1,128}))?\z")]
    private static partial Regex FunctionArn();
}
