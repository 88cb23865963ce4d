using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace S3Emulator.Server.Hosting;

/// <summary>Wraps each pool Kestrel's default factory makes in a <see cref="FrameBlockMemoryPool"/>.</summary>
internal sealed class FrameBlockMemoryPoolFactory(IMemoryPoolFactory<byte> inner) : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new FrameBlockMemoryPool(inner.Create(options));

    /// <summary>
    /// Whether <paramref name="http"/>'s response pipe hands out a whole frame block cheaply: its connection's pool is a
    /// <see cref="FrameBlockMemoryPool"/>. False in-process (TestServer has no connection pool) and on any other pool,
    /// which would serve a frame from a fresh or array-pool array.
    /// </summary>
    public static bool ServesFrameBlocks(HttpContext http) =>
        http.Features.Get<IMemoryPoolFeature>()?.MemoryPool is FrameBlockMemoryPool;
}
