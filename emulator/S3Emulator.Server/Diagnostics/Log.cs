using Microsoft.Extensions.Logging;

namespace S3Emulator.Server.Diagnostics;

/// <summary>Every log line the server writes. None carries a secret, a key or object content.</summary>
internal static partial class Log
{
    /// <summary>
    /// One line per served request, written through <see cref="RequestLogLine"/> only (which checks the switch first).
    /// The target has its signature parameters removed; nothing else in the line can carry a secret.
    /// </summary>
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, SkipEnabledCheck = true,
        Message = "{Method} {Target} {Operation} {StatusCode} {ErrorCode} by {Principal} in {ElapsedMs:0.0} ms")]
    public static partial void RequestServed(ILogger logger, string method, string target, string operation, int statusCode, string errorCode, string principal, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Unhandled failure in {Operation}")]
    public static partial void UnhandledFailure(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Response to {Operation} failed after it had started; connection aborted")]
    public static partial void ResponseAborted(ILogger logger, Exception exception, string operation);
}
