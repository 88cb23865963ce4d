using Microsoft.Extensions.Logging;

namespace S3Emulator.Host;

/// <summary>Every log line the executable writes (event ids 1000+, apart from the server's own).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "S3 emulator listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Data: {Storage}; region {Region}; base domains {BaseDomains}")]
    public static partial void Storage(ILogger logger, string storage, string region, string baseDomains);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "HTTPS certificate {Thumbprint} ({Source}); trust it from {PemLocation} or GET /_s3emulator/certificate")]
    public static partial void Certificate(ILogger logger, string thumbprint, string source, string pemLocation);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Cannot keep the certificate in {Folder}; using one that lives in memory until the process ends")]
    public static partial void CertificateFolderUnusable(ILogger logger, Exception exception, string folder);
}
