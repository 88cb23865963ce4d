using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace S3Emulator.Host;

/// <summary>
/// Start-up failures a user can fix by changing how the emulator is started, told in one line instead of a
/// stack trace: a port another process already listens on.
/// </summary>
internal static partial class StartupFailure
{
    /// <summary>The line to print when <paramref name="exception"/> is Kestrel failing to bind a port; else null.</summary>
    public static string? PortInUse(Exception exception, HostSettings settings)
    {
        var bindFailure = Chain(exception).FirstOrDefault(e => e is IOException && e.InnerException is AddressInUseException);
        if (bindFailure is null)
        {
            return null;
        }
        // Kestrel names the endpoint it could not bind ("Failed to bind to address https://[::]:9443: ...").
        var endpoint = EndpointPattern().Match(bindFailure.Message);
        var https = endpoint.Success
            ? endpoint.Groups["scheme"].Value == "https"
            : !settings.ServesHttp;
        var port = endpoint.Success ? endpoint.Groups["port"].Value : (https ? settings.HttpsPort : settings.HttpPort).ToString();
        var (scheme, option, otherScheme, otherOption) = https
            ? ("HTTPS", "--https-port", "HTTP", "--http-port")
            : ("HTTP", "--http-port", "HTTPS", "--https-port");
        return $"Port {port} ({scheme}) is already in use, perhaps by another S3 emulator. "
            + $"Choose another with {option} <port> (and {otherOption} <port> for {otherScheme}); 0 turns a listener off.";
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    [GeneratedRegex(@"(?<scheme>https?)://\S*:(?<port>\d+)")]
    private static partial Regex EndpointPattern();
}
