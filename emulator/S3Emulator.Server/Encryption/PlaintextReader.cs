using System.IO.Pipelines;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Server.Encryption;

/// <summary>Reads a plaintext range of a stored object, decrypting only the frames it touches.</summary>
internal static class PlaintextReader
{
    /// <summary>
    /// How much a response body holds before it is flushed: two frames. Each flush is a round of the response pipe (the
    /// socket sender woken, the writer resumed on the thread pool) and a send; flushing every frame made those about a
    /// sixth of a 1 MiB GET's host samples (wrk c=64, in memory). Kestrel's response buffer
    /// (<see cref="Hosting.S3EmulatorKestrelExtensions.ResponseBufferSize"/>) holds a flush and one more frame, so the
    /// next frames are decrypted while the last ones are sent; a connection still holds a few frames, never an object.
    /// </summary>
    internal const int FlushThreshold = 2 * ContentEncryption.PlaintextFrameSize;

    /// <param name="dataKey">The object's content key; null only for content stored in clear before encryption existed.</param>
    public static Stream Open(IStoredObject stored, ObjectInfo info, byte[]? dataKey, ByteRange range) =>
        dataKey is null
            ? stored.OpenRead(range)
            : ContentEncryption.OpenPlaintextRange(stored, dataKey, ContentSegment.Of(info), range);

    /// <summary>
    /// Writes <paramref name="range"/> of the plaintext to <paramref name="destination"/> (a response body) frame by
    /// frame, flushing every <see cref="FlushThreshold"/> bytes; a frame that fails authentication throws before any of
    /// its bytes is written.
    /// </summary>
    /// <param name="key">The object's content key; null only for content stored in clear before encryption existed.</param>
    /// <param name="decryptInDestination">
    /// Whether <paramref name="destination"/> hands out a whole frame in one block (see
    /// <see cref="Hosting.FrameBlockMemoryPoolFactory.ServesFrameBlocks"/>): frames are then decrypted in its memory.
    /// </param>
    /// <param name="startAsync">
    /// Starts the response (writes its headers without sending them), or null: called once the first frame verified and
    /// before any byte is written, so the first frame lands behind the headers instead of being set aside and copied
    /// there (<see cref="ContentEncryption.CopyPlaintextRangeAsync"/>).
    /// </param>
    public static async Task CopyAsync(
        IStoredObject stored, ObjectInfo info, ContentDecryptionKey? key, ByteRange range, PipeWriter destination,
        bool decryptInDestination, Func<CancellationToken, ValueTask>? startAsync, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            var source = stored.OpenRead(range);
            await using (source.ConfigureAwait(false))
            {
                await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await ContentEncryption.CopyPlaintextRangeAsync(
            stored, key, ContentSegment.Of(info), range, destination,
            async ct =>
            {
                await destination.FlushAsync(ct).ConfigureAwait(false);
                // A client that went away completes the response's pipe: decrypting the rest would be for no one.
                ct.ThrowIfCancellationRequested();
            },
            FlushThreshold, decryptInDestination, startAsync, cancellationToken).ConfigureAwait(false);
    }
}
