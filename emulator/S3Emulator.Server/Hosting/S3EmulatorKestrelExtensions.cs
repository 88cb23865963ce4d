using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Hosting;

/// <summary>The Kestrel settings an emulator needs wherever it listens on a socket (the host, the loopback fixture).</summary>
public static class S3EmulatorKestrelExtensions
{
    /// <summary>
    /// No request body limit (S3 takes single PUTs of up to 5 GiB; Kestrel's default is 30 MB); no <c>Server</c>
    /// header of Kestrel's (every answer says <c>AmazonS3</c>, set by <c>UseS3Emulator</c>, and Kestrel's own
    /// refusals name no server); and user metadata headers read one character per byte (ISO-8859-1), as S3 reads
    /// them, instead of Kestrel's UTF-8 (which turns raw bytes into other text than S3 stores) or its bare
    /// <c>400 Bad Request</c> for bytes that are not UTF-8.
    /// </summary>
    public static KestrelServerOptions UseS3EmulatorDefaults(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.AddServerHeader = false;
        kestrel.RequestHeaderEncodingSelector = HeaderEncoding;
        return kestrel;
    }

    // Other headers keep Kestrel's default (UTF-8, a bare 400 for other bytes): only metadata has S3's encoding back out.
    private static Encoding? HeaderEncoding(string name) =>
        name.StartsWith(S3Headers.MetaPrefix, StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : null;
}
