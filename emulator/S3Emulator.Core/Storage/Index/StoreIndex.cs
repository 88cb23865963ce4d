using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Index;

/// <summary>
/// The in-memory catalogue both stores share: buckets, object records and multipart uploads, each
/// pointing at store-specific immutable content. Every member is atomic under one lock; nothing here
/// does I/O or calls back into caller code while holding it.
/// </summary>
/// <remarks>
/// Members that need a bucket throw <see cref="S3Exception"/> with <c>NoSuchBucket</c> when it is missing,
/// so a write racing a bucket deletion fails the way S3 would answer it.
/// </remarks>
internal sealed partial class StoreIndex<TContent>
    where TContent : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BucketState<TContent>> _buckets = new(StringComparer.Ordinal);

    public bool TryAddBucket(BucketInfo bucket)
    {
        lock (_gate)
        {
            return _buckets.TryAdd(bucket.Name, new BucketState<TContent>(bucket));
        }
    }

    public BucketInfo? GetBucket(string bucket)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var state) ? state.Info : null;
        }
    }

    public IReadOnlyList<BucketInfo> ListBuckets()
    {
        lock (_gate)
        {
            return [.. _buckets.Values.Select(b => b.Info).OrderBy(b => b.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Applies <paramref name="update"/> to the bucket's record; null when the bucket is missing.</summary>
    public BucketInfo? UpdateBucket(string bucket, Func<BucketInfo, BucketInfo> update)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var state)) return null;
            var updated = update(state.Info);
            if (updated.Name != bucket) throw new InvalidOperationException("A bucket record must keep its name.");
            state.Info = updated;
            return updated;
        }
    }

    /// <summary>What deleting the bucket would do, without doing it.</summary>
    public DeleteBucketOutcome GetDeleteOutcome(string bucket)
    {
        lock (_gate)
        {
            return DeleteOutcomeOf(bucket);
        }
    }

    /// <summary>
    /// Removes the bucket when it holds no objects. In-progress multipart uploads do not keep a bucket
    /// alive (S3 deletes such a bucket and discards the uploads), so they go with it.
    /// </summary>
    public DeleteBucketOutcome TryRemoveBucket(string bucket)
    {
        lock (_gate)
        {
            var outcome = DeleteOutcomeOf(bucket);
            if (outcome == DeleteBucketOutcome.Deleted) _buckets.Remove(bucket);
            return outcome;
        }
    }

    private DeleteBucketOutcome DeleteOutcomeOf(string bucket) =>
        !_buckets.TryGetValue(bucket, out var state) ? DeleteBucketOutcome.NotFound
        : state.Objects.Count > 0 ? DeleteBucketOutcome.NotEmpty
        : DeleteBucketOutcome.Deleted;

    public IndexedObject<TContent>? GetObject(string bucket, string key)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var state) && state.Objects.TryGetValue(key, out var entry)
                ? entry
                : null;
        }
    }

    /// <summary>Commits <paramref name="entry"/> as the key's current version; returns the version it replaced.</summary>
    public IndexedObject<TContent>? SetObject(string bucket, string key, IndexedObject<TContent> entry)
    {
        lock (_gate)
        {
            return SetObjectLocked(RequireBucket(bucket), key, entry);
        }
    }

    /// <summary>Replaces the key's version only if it is still <paramref name="expected"/> (an optimistic update).</summary>
    public bool TryReplaceObject(
        string bucket, string key, IndexedObject<TContent> expected, IndexedObject<TContent> replacement)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var state)
                || !state.Objects.TryGetValue(key, out var current)
                || !ReferenceEquals(current, expected))
            {
                return false;
            }

            state.Objects[key] = replacement;
            return true;
        }
    }

    public IndexedObject<TContent>? RemoveObject(string bucket, string key)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var state) || !state.Objects.Remove(key, out var removed))
            {
                return null;
            }

            state.Keys.Remove(key);
            return removed;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> objects whose key starts with <paramref name="prefix"/> and sorts after
    /// <paramref name="after"/>, in S3 key order.
    /// </summary>
    public IReadOnlyList<IndexedObject<TContent>> ListObjects(string bucket, string prefix, string? after, int max)
    {
        lock (_gate)
        {
            var state = RequireBucket(bucket);
            var page = new List<IndexedObject<TContent>>(Math.Min(max, state.Keys.Count));
            if (state.Keys.Count == 0) return page;

            // Keys with the prefix form one contiguous run in byte order, starting at the prefix itself.
            var from = after is not null && S3KeyComparer.Instance.Compare(after, prefix) > 0 ? after : prefix;
            var to = state.Keys.Max!;
            if (S3KeyComparer.Instance.Compare(from, to) > 0) return page;

            foreach (var key in state.Keys.GetViewBetween(from, to))
            {
                if (after is not null && S3KeyComparer.Instance.Compare(key, after) <= 0) continue;
                if (!key.StartsWith(prefix, StringComparison.Ordinal) || page.Count == max) break;
                page.Add(state.Objects[key]);
            }

            return page;
        }
    }

    private static IndexedObject<TContent>? SetObjectLocked(
        BucketState<TContent> state, string key, IndexedObject<TContent> entry)
    {
        state.Objects.Remove(key, out var previous);
        state.Objects[key] = entry;
        if (previous is null) state.Keys.Add(key);
        return previous;
    }

    private BucketState<TContent> RequireBucket(string bucket) =>
        _buckets.TryGetValue(bucket, out var state)
            ? state
            : throw StoreErrors.NoSuchBucket(bucket);
}
