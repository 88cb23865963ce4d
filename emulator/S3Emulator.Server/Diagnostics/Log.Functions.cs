using Microsoft.Extensions.Logging;

namespace S3Emulator.Server.Diagnostics;

/// <summary>The function layer's log lines (event ids 100–109): which function ran and how it ended, never its event or payload.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Function {FunctionArn} ({HostKind}) {Outcome} {ErrorType} in {ElapsedMs:0.0} ms")]
    public static partial void FunctionInvoked(ILogger logger, string functionArn, string hostKind, string outcome, string errorType, double elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "HTTP functions registered by {Principal}: {Registrations}")]
    public static partial void HttpFunctionsRegistered(ILogger logger, string principal, string registrations);
}
