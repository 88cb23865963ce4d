namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// The file-system store's commit locks: a fixed set of stripes, one chosen by hashing what a commit changes
/// (a bucket and key, or a bucket and upload id). Commits to one key are serialized, so disk and index change
/// in the same order and concurrent writers leave exactly the last commit; commits to different keys mostly
/// run side by side. Bucket-wide changes take every stripe.
/// </summary>
/// <remarks>
/// Commits are short and synchronous (a rename, an unlink, an index update; never an await), so the stripes
/// are plain locks held on one thread. Blocking, not async, on purpose: with 64 writers of one key an async
/// semaphore had half the throughput, because it hands the stripe to a waiter whose continuation then queues
/// behind other work in the thread pool while the stripe sits idle; a lock goes to whichever thread runs, and
/// a waiter is parked only for the commits queued ahead of it (tens of microseconds each). Several stripes are
/// always taken in ascending order, so no two commits can deadlock.
/// </remarks>
internal sealed class CommitLocks
{
    private const int StripeCount = 64;

    private readonly Lock[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new Lock())];

    /// <summary>The stripe guarding <paramref name="name"/> in <paramref name="bucket"/>.</summary>
    public static int StripeOf(string bucket, string name) =>
        (int)((uint)HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(bucket), StringComparer.Ordinal.GetHashCode(name)) % StripeCount);

    public T Run<T>(int stripe, Func<T> commit)
    {
        lock (_stripes[stripe])
        {
            return commit();
        }
    }

    public T Run<T>(int first, int second, Func<T> commit)
    {
        if (first == second) return Run(first, commit);
        var (low, high) = first < second ? (first, second) : (second, first);
        lock (_stripes[low])
        {
            lock (_stripes[high])
            {
                return commit();
            }
        }
    }

    /// <summary>Runs <paramref name="commit"/> with every stripe held: nothing else commits meanwhile.</summary>
    public T RunExclusive<T>(Func<T> commit)
    {
        var taken = 0;
        try
        {
            for (; taken < StripeCount; taken++) _stripes[taken].Enter();
            return commit();
        }
        finally
        {
            while (taken > 0) _stripes[--taken].Exit();
        }
    }
}
