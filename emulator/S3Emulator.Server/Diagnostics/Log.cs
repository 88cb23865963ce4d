using Microsoft.Extensions.Logging;

namespace S3Emulator.Server.Diagnostics;

/// <summary>Every log line the server writes. None carries a secret, a key or object content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Operation} bucket={Bucket} status={StatusCode} error={ErrorCode} in {ElapsedMs:0.0} ms")]
    public static partial void RequestServed(ILogger logger, string method, string operation, string? bucket, int statusCode, string? errorCode, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Unhandled failure in {Operation}")]
    public static partial void UnhandledFailure(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Response to {Operation} failed after it had started; connection aborted")]
    public static partial void ResponseAborted(ILogger logger, Exception exception, string operation);
}
