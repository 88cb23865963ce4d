using System.Runtime.CompilerServices;

namespace S3Emulator.Core.Storage.Index;

/// <summary>
/// Walks a listing in batches, each taken under the index lock and resumed after the last key seen,
/// so a long listing never holds the lock while the consumer awaits and sees each key at most once.
/// </summary>
internal static class IndexListing
{
    public static async IAsyncEnumerable<IndexedObject<TContent>> ListAsync<TContent>(
        StoreIndex<TContent> index, string bucket, string prefix, string? after, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TContent : class
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var cursor = after;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = index.ListObjects(bucket, prefix, cursor, batchSize);
            foreach (var entry in batch)
            {
                yield return entry;
            }

            if (batch.Count < batchSize) yield break;
            cursor = batch[^1].Info.Key;
        }
    }
}
