using Microsoft.Extensions.Logging;

namespace S3Emulator.Host;

/// <summary>Every log line the executable writes (event ids 1000+, apart from the server's own).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{Banner}")]
    public static partial void Ready(ILogger logger, string banner);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Cannot keep the certificate in {Folder}; using one that lives in memory until the process ends")]
    public static partial void CertificateFolderUnusable(ILogger logger, Exception exception, string folder);
}
