using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Hosting;

/// <summary>The Kestrel settings an emulator needs wherever it listens on a socket (the host, the loopback fixture).</summary>
public static class S3EmulatorKestrelExtensions
{
    /// <summary>
    /// Kestrel's response buffer (its default is 64 KiB): what a response may hold unsent before its writer waits for
    /// the socket. One GET flush (<see cref="Encryption.PlaintextReader.FlushThreshold"/>) and one frame more, so a flush
    /// waits only when the socket is a whole frame behind, and the writer does not stop after every frame.
    /// </summary>
    internal const int ResponseBufferSize = Encryption.PlaintextReader.FlushThreshold + FrameBlockMemoryPool.FrameBlockSize;

    /// <summary>
    /// No request body limit (S3 takes single PUTs of up to 5 GiB; Kestrel's default is 30 MB); a response buffer that
    /// holds a GET's flush of object frames (<see cref="ResponseBufferSize"/>); no <c>Server</c>
    /// header of Kestrel's (every answer says <c>AmazonS3</c>, set by <c>UseS3Emulator</c>, and Kestrel's own
    /// refusals name no server); and the headers an object replays as they came (user metadata and Content-Disposition,
    /// <see cref="S3Headers.IsStoredAsSent"/>) read and written one character per byte (ISO-8859-1), as S3 reads and
    /// writes them, instead of Kestrel's UTF-8 (which turns raw bytes into other text than S3 stores) or its bare
    /// <c>400 Bad Request</c> for bytes that are not UTF-8, and its refusal to send anything outside ASCII.
    /// </summary>
    public static KestrelServerOptions UseS3EmulatorDefaults(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestBodySize = null;
        // S3 answers RequestTimeout to a client that stops sending its body for about 20 s and keeps reading a slow one.
        // Kestrel's default (240 bytes/s on average after 5 s) also failed uploads merely starved of CPU, the client's or
        // the emulator's (64 concurrent 16 MiB PUTs on a loaded 2-core machine: 4-15 answered 400 after 7-10 s). Kestrel
        // only measures an average, so the nearest rule is its rate with S3's 20 s of grace; a body that times out is
        // answered RequestTimeout (ClientRequestBody).
        kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(20));
        kestrel.Limits.MaxResponseBufferSize = ResponseBufferSize;
        kestrel.AddServerHeader = false;
        kestrel.RequestHeaderEncodingSelector = HeaderEncoding;
        kestrel.ResponseHeaderEncodingSelector = HeaderEncoding;
        return kestrel;
    }

    /// <summary>
    /// Gives Kestrel's connections memory pools that also hold a whole encrypted frame in one block, so a GET decrypts
    /// each 64 KiB frame in the response pipe's own memory instead of in a buffer of its own copied into 4 KiB blocks
    /// (<see cref="FrameBlockMemoryPool"/>). Call after Kestrel is configured (a <c>WebApplicationBuilder</c>'s
    /// <c>WebHost</c> already is); without a Kestrel pool factory (TestServer) nothing changes.
    /// </summary>
    public static IWebHostBuilder UseS3EmulatorFrameBlocks(this IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices(services =>
        {
            var kestrels = services.LastOrDefault(d => d.ServiceType == typeof(IMemoryPoolFactory<byte>) && !d.IsKeyedService);
            if (kestrels is null) return;
            services.Remove(kestrels);
            services.AddSingleton<IMemoryPoolFactory<byte>>(provider => new FrameBlockMemoryPoolFactory(
                (IMemoryPoolFactory<byte>)(kestrels.ImplementationInstance
                    ?? kestrels.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, kestrels.ImplementationType!))));
        });
    }

    // Other headers keep Kestrel's default (UTF-8 in, ASCII out): only the stored ones travel back out as they came in.
    private static Encoding? HeaderEncoding(string name) => S3Headers.IsStoredAsSent(name) ? Encoding.Latin1 : null;
}
