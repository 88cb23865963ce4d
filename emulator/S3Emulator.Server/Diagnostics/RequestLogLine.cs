using Microsoft.Extensions.Logging;

namespace S3Emulator.Server.Diagnostics;

/// <summary>
/// The per-request log line (<see cref="Hosting.S3EmulatorOptions.RequestLog"/>): method, target without its
/// signature parameters, operation, status, error code, principal and milliseconds. Costs one flag test when off.
/// </summary>
internal static class RequestLogLine
{
    public static void Write(
        ILogger logger, bool enabled, string method, string rawTarget, string operation, string? principal, int statusCode,
        string? errorCode, TimeSpan elapsed)
    {
        if (!enabled || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }
        Log.RequestServed(logger, method, LoggedTarget.From(rawTarget), operation, statusCode, errorCode ?? "-", principal ?? "anonymous",
            elapsed.TotalMilliseconds);
    }
}
