namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Small version files an overwrite replaced, kept in <c>tmp/spare/</c> for the next PUT to write over instead of
/// creating a file, so a small overwrite neither allocates nor frees an inode.
/// </summary>
/// <remarks>
/// <para>
/// Why: on ext4 creating a file and unlinking one were over a third of the kernel time of a 4 KiB PUT (perf,
/// PUT 4 KiB c=1 and c=16): the inode allocator skips every recently freed inode of the group it searches, so
/// under a steady stream of overwrites each create scans the inodes the previous ones freed, and an unlink
/// evicts an inode. A spare is renamed out of <c>objects/</c> exactly where the unlink was, so the key's files
/// on disk are the same as before at every step; <c>tmp/</c> and everything under it is wiped at startup.
/// </para>
/// <para>
/// A spare is only taken from a version whose content <see cref="SmallContentCache.Fits"/>: a reader of such a
/// version reads it whole when it opens it and closes it at once, so holds no handle afterwards. The window
/// between its open and its close is covered by <see cref="EnterRead"/>: a file is kept only when no such read
/// is in flight once the rename has taken its name away (a reader counted later can no longer open it), and is
/// unlinked otherwise. A reader that keeps its handle (a short read of a damaged file) never leaves, which turns
/// keeping spares off for good rather than risk overwriting a file it reads.
/// </para>
/// <para>
/// Bounded: at most <see cref="Capacity"/> files of at most some tens of KiB. Thread-safe.
/// </para>
/// </remarks>
internal sealed class SpareFiles(FileSystemLayout layout)
{
    public const int Capacity = 16;

    private readonly Lock _lock = new();
    private readonly Stack<string> _spares = new(Capacity);
    private int _reads;

    /// <summary>Takes a spare to write a new version into, or null when there is none.</summary>
    public string? TryTake()
    {
        lock (_lock)
        {
            return _spares.TryPop(out var path) ? path : null;
        }
    }

    /// <summary>
    /// Takes <paramref name="path"/>, a replaced version of small content, out of <c>objects/</c> as a spare; false
    /// when it stays where it is (no room, or the rename failed) and the caller unlinks it as before. True means the
    /// name is gone, whether the file was kept or, with a read in flight, unlinked from <c>tmp/spare/</c>.
    /// </summary>
    public bool TryKeep(string path)
    {
        lock (_lock)
        {
            if (_spares.Count >= Capacity) return false;
        }

        var spare = layout.NewSparePath();
        try
        {
            File.Move(path, spare, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // After the rename (a full barrier in the kernel) and with a fenced read: a reader not counted now
        // increments after this point and then finds the name gone.
        if (Interlocked.CompareExchange(ref _reads, 0, 0) == 0)
        {
            lock (_lock)
            {
                if (_spares.Count < Capacity)
                {
                    _spares.Push(spare);
                    return true;
                }
            }
        }

        StoreFiles.DeleteQuietly(spare);
        return true;
    }

    /// <summary>Counts a read of a small version from before its file is opened until it is closed.</summary>
    public void EnterRead() => Interlocked.Increment(ref _reads);

    public void ExitRead() => Interlocked.Decrement(ref _reads);
}
