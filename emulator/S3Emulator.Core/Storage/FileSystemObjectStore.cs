using System.Runtime.CompilerServices;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.FileSystem;
using S3Emulator.Core.Storage.Index;

namespace S3Emulator.Core.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> that persists under a root directory and survives a restart: buckets,
/// object records, content, and in-progress multipart uploads with their parts. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// What it promises, short of power loss: an acknowledged write survives the process being killed (even
/// with <c>kill -9</c>); an interrupted write or overwrite leaves the previous object whole; after a restart
/// the index and the data agree; concurrent writers to a key leave exactly the last commit; an open reader
/// of a replaced or deleted version keeps reading it whole; replaced and deleted content is released; and
/// startup sweeps whatever an interrupted operation left behind.
/// </para>
/// <para>
/// How: an object version is one file holding its content and its record (<see cref="VersionFile"/>). It is
/// written in the temp directory, outside any lock and with bounded memory whatever the object size, and
/// committed by renaming it into <c>objects/</c> under a name no file has (<see cref="FileSystemLayout"/>),
/// then unlinking the version it replaced. A delete unlinks every file of the key it knows of, or, should one
/// stay, leaves a tombstone above them, so a restart never brings a deleted or replaced version back. A killed process's page cache survives it, so a renamed file is
/// whole; nothing is fsynced, so power loss may lose recent writes, which is fine for an emulator and keeps
/// writes fast. Readers hold an open handle, and POSIX keeps an unlinked file alive until the last handle closes.
/// </para>
/// <para>
/// Commits (rename, unlink of the replaced version, index update) are short, synchronous and serialized per
/// key by <see cref="CommitLocks"/>, so the disk and the index change in the same order for a key while
/// writers of different keys commit side by side; bucket-wide changes take every stripe. Reads use the
/// in-memory index, rebuilt from the files at startup.
/// </para>
/// <para>
/// Directories written before version files existed still load: their objects keep a JSON record naming a
/// separate content file until they are next overwritten (a tag or metadata update rewrites that record).
/// Parts keep that shape, since they are read only by their completion.
/// </para>
/// </remarks>
public sealed partial class FileSystemObjectStore : IObjectStore
{
    private const int ListingBatchSize = 256;

    private readonly FileSystemLayout _layout;
    private readonly StoreIndex<ContentFile> _index;
    private readonly CommitLocks _locks = new();
    private readonly KeyStrays _strays = new();
    private readonly Func<string, bool> _unlink;
    private readonly SmallContentCache _smallContent = new();
    private readonly SpareFiles? _spares;
    private long _sequence;

    /// <summary>
    /// Opens (or creates) the store under <paramref name="rootDirectory"/>, rebuilding its index from the
    /// records and removing what an interrupted write left behind. Only one store may use a directory at a time.
    /// </summary>
    public FileSystemObjectStore(string rootDirectory)
        : this(rootDirectory, StoreFiles.TryDelete, keepSpares: true)
    {
    }

    /// <summary>
    /// Opens the store with <paramref name="unlink"/> removing the files that hold a key's state (version files,
    /// tombstones, old-style records) and answering whether each is gone, so tests can make unlinks fail. With
    /// <paramref name="keepSpares"/>, a replaced small version is kept for reuse (<see cref="SpareFiles"/>) rather
    /// than unlinked, whenever it can be; off, every replaced version goes through <paramref name="unlink"/>.
    /// </summary>
    internal FileSystemObjectStore(string rootDirectory, Func<string, bool> unlink, bool keepSpares = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(unlink);
        _unlink = unlink;
        _layout = new FileSystemLayout(rootDirectory);
        _spares = keepSpares ? new SpareFiles(_layout) : null;
        _index = FileSystemIndexLoader.Load(_layout, unlink, _strays, out _sequence);
    }

    /// <summary>The full path of the store's root directory.</summary>
    public string RootDirectory => _layout.Root;

    public ValueTask<bool> TryCreateBucketAsync(BucketInfo bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return ValueTask.FromResult(_locks.RunExclusive(() =>
        {
            if (_index.GetBucket(bucket.Name) is not null) return false;

            // A directory without a bucket record is debris of an interrupted deletion: start clean.
            var directory = _layout.BucketDirectory(bucket.Name);
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            Directory.CreateDirectory(_layout.ObjectsDirectory(bucket.Name));
            Directory.CreateDirectory(_layout.ContentDirectory(bucket.Name));
            Directory.CreateDirectory(_layout.UploadsDirectory(bucket.Name));
            RecordFiles.Write(
                _layout.BucketRecord(bucket.Name), new BucketRecord(RecordFormat.Current, bucket),
                StoreJsonContext.Default.BucketRecord, _layout.NewTempPath());
            return _index.TryAddBucket(bucket);
        }));
    }

    public ValueTask<BucketInfo?> GetBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetBucket(bucket));

    public ValueTask<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.ListBuckets());

    public ValueTask<DeleteBucketOutcome> DeleteBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_locks.RunExclusive(() =>
        {
            var outcome = _index.GetDeleteOutcome(bucket);
            if (outcome != DeleteBucketOutcome.Deleted) return outcome;

            // Removing the record commits the deletion; the rest is debris a restart would sweep.
            File.Delete(_layout.BucketRecord(bucket));
            _index.TryRemoveBucket(bucket);
            StoreFiles.DeleteDirectoryQuietly(_layout.BucketDirectory(bucket));
            _strays.ForgetUnder(_layout.BucketDirectory(bucket));
            return outcome;
        }));

    public ValueTask<BucketInfo?> UpdateBucketAsync(
        string bucket, Func<BucketInfo, BucketInfo> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return ValueTask.FromResult(_locks.RunExclusive(() =>
        {
            var current = _index.GetBucket(bucket);
            if (current is null) return null;
            // The record on disk is written first: the index never shows what a restart would lose.
            var updated = update(current);
            if (updated.Name != bucket) throw new InvalidOperationException("A bucket record must keep its name.");
            RecordFiles.Write(
                _layout.BucketRecord(bucket), new BucketRecord(RecordFormat.Current, updated),
                StoreJsonContext.Default.BucketRecord, _layout.NewTempPath());
            return _index.UpdateBucket(bucket, _ => updated);
        }));
    }

    public async ValueTask<ObjectInfo> PutObjectAsync(
        string bucket, string key, Stream content, Func<long, ObjectInfo> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(describe);
        if (_index.GetBucket(bucket) is null) throw StoreErrors.NoSuchBucket(bucket);

        var files = _layout.FilesOf(bucket, key);
        var writer = OpenVersionWriter(out var temp);
        var committed = false;
        try
        {
            ObjectInfo info;
            long length;
            long recordsEnd;
            using (writer)
            {
                await writer.AppendAsync(content, cancellationToken).ConfigureAwait(false);
                length = writer.Length;
                info = StoreErrors.EnsureAddresses(describe(length), bucket, key);
                recordsEnd = writer.Seal(info);
            }

            var previous = _locks.Run(CommitLocks.StripeOf(bucket, key), () =>
            {
                if (_index.GetBucket(bucket) is null) throw StoreErrors.NoSuchBucket(bucket);
                var entry = CommitVersion(temp, files, info, length, recordsEnd);
                committed = true;
                return Supersede(files, _index.SetObject(bucket, key, entry));
            });
            ReleaseContent(previous);
            return info;
        }
        finally
        {
            if (!committed) StoreFiles.DeleteQuietly(temp);
        }
    }

    /// <summary>A writer of a new version file: over a spare when there is one, else a new temp file.</summary>
    private VersionFileWriter OpenVersionWriter(out string path)
    {
        if (_spares?.TryTake() is { } spare)
        {
            try
            {
                path = spare;
                return VersionFileWriter.Reuse(spare);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                StoreFiles.DeleteQuietly(spare);
            }
        }

        path = _layout.NewTempPath();
        return VersionFileWriter.Create(path);
    }

    public ValueTask<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetObject(bucket, key)?.Info);

    public ValueTask<IStoredObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = _index.GetObject(bucket, key);
            if (entry is null) return ValueTask.FromResult<IStoredObject?>(null);
            if (_smallContent.Find(entry.Content) is { } cached)
            {
                return ValueTask.FromResult<IStoredObject?>(new BufferedStoredObject(entry.Info, cached));
            }

            // A small version's file may become a spare once replaced: the read is counted until the file is closed.
            var counted = _spares is not null && SmallContentCache.Fits(entry.Content.Length);
            if (counted) _spares!.EnterRead();
            var holding = false;
            try
            {
                var file = SharedFileHandle.Open(entry.Content.Path);
                var opened = OpenedObject(entry, file);
                holding = opened is FileStoredObject;
                return ValueTask.FromResult<IStoredObject?>(opened);
            }
            catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException
                                         && !ReferenceEquals(_index.GetObject(bucket, key), entry))
            {
                // A writer replaced or deleted this version between the lookup and the open: look again.
            }
            finally
            {
                // One that keeps its handle (a short read of a damaged file) stays counted: no spare is kept again.
                if (counted && !holding) _spares!.ExitRead();
            }
        }
    }

    /// <summary>
    /// A small version's content is read whole and kept (<see cref="SmallContentCache"/>) and the file closed; a
    /// larger one is read through the open file. A short read (a damaged file) takes the file path too, which
    /// reports it as it always did.
    /// </summary>
    private IStoredObject OpenedObject(IndexedObject<ContentFile> entry, SharedFileHandle file)
    {
        var content = entry.Content;
        if (!SmallContentCache.Fits(content.Length)) return new FileStoredObject(entry.Info, file, content.Offset, content.Length);

        var bytes = new byte[content.Length];
        try
        {
            for (var read = 0; read < bytes.Length; )
            {
                var n = RandomAccess.Read(file.Handle, bytes.AsSpan(read), content.Offset + read);
                if (n == 0) return new FileStoredObject(entry.Info, file, content.Offset, content.Length);
                read += n;
            }
        }
        catch
        {
            file.Release();
            throw;
        }

        file.Release();
        _smallContent.Add(content, bytes);
        return new BufferedStoredObject(entry.Info, bytes);
    }

    public ValueTask<ObjectInfo?> UpdateObjectInfoAsync(
        string bucket, string key, Func<ObjectInfo, ObjectInfo> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var files = _layout.FilesOf(bucket, key);

        // Optimistic: the callback runs outside the commit lock and is retried if a writer got in between.
        while (true)
        {
            var current = _index.GetObject(bucket, key);
            if (current is null) return ValueTask.FromResult<ObjectInfo?>(null);
            var info = StoreErrors.EnsureAddresses(update(current.Info), bucket, key);
            IndexedObject<ContentFile>? updated;
            if (!current.Content.IsVersionFile)
            {
                updated = RewriteObjectRecord(files, current, info);
            }
            else
            {
                var record = VersionFile.Entry(info);
                updated = VersionFile.IsFullFor(current.Content, record.Length)
                    ? RewriteVersion(files, current, info, record)
                    : AppendRecord(current, info, record);
            }

            if (updated is not null) return ValueTask.FromResult<ObjectInfo?>(updated.Info);
        }
    }

    public ValueTask<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var files = _layout.FilesOf(bucket, key);
        var (removed, released) = _locks.Run(CommitLocks.StripeOf(bucket, key), () =>
        {
            var current = _index.GetObject(bucket, key);
            if (current is null) return (false, null);

            // Off the disk first: should that fail, the object is still there and still listed.
            RemoveFromDisk(files, current);
            _index.RemoveObject(bucket, key);
            return (true, current.Content.IsVersionFile ? null : current.Content);
        });
        ReleaseContent(released);
        return ValueTask.FromResult(removed);
    }

    public async IAsyncEnumerable<ObjectInfo> ListObjectsAsync(
        string bucket, string prefix, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in IndexListing.ListAsync(_index, bucket, prefix, after, ListingBatchSize, cancellationToken)
                           .ConfigureAwait(false))
        {
            yield return entry.Info;
        }
    }

    /// <summary>Appends the updated record to the current version file, under the key's stripe; null if a writer got in first.</summary>
    private IndexedObject<ContentFile>? AppendRecord(IndexedObject<ContentFile> current, ObjectInfo info, byte[] record) =>
        _locks.Run(CommitLocks.StripeOf(info.Bucket, info.Key), () =>
        {
            if (!ReferenceEquals(_index.GetObject(info.Bucket, info.Key), current)) return null;
            var entry = new IndexedObject<ContentFile>(info, current.Content with
            {
                RecordsEnd = VersionFile.AppendRecord(current.Content.Path, current.Content.RecordsEnd, record),
            });
            return _index.TryReplaceObject(info.Bucket, info.Key, current, entry) ? entry : null;
        });

    /// <summary>
    /// Commits the updated record with a copy of the current version's content as a new version, because the
    /// current file's records reached their limit; the copy is made outside the lock. Null if a writer got in first.
    /// </summary>
    private IndexedObject<ContentFile>? RewriteVersion(
        KeyFiles files, IndexedObject<ContentFile> current, ObjectInfo info, byte[] record)
    {
        var temp = _layout.NewTempPath();
        var committed = false;
        try
        {
            long recordsEnd;
            try
            {
                recordsEnd = VersionFile.Rewrite(current.Content, record, temp);
            }
            catch (IOException ex) when (ex is FileNotFoundException
                                         && !ReferenceEquals(_index.GetObject(info.Bucket, info.Key), current))
            {
                return null; // A writer replaced or deleted the version being copied.
            }

            return _locks.Run(CommitLocks.StripeOf(info.Bucket, info.Key), () =>
            {
                if (!ReferenceEquals(_index.GetObject(info.Bucket, info.Key), current)) return null;
                var entry = CommitVersion(temp, files, info, current.Content.Length, recordsEnd);
                committed = true;
                Supersede(files, _index.SetObject(info.Bucket, info.Key, entry));
                return entry;
            });
        }
        finally
        {
            if (!committed) StoreFiles.DeleteQuietly(temp);
        }
    }

    /// <summary>Rewrites an old-style object record with the updated info, under the key's stripe.</summary>
    private IndexedObject<ContentFile>? RewriteObjectRecord(
        KeyFiles files, IndexedObject<ContentFile> current, ObjectInfo info) =>
        _locks.Run(CommitLocks.StripeOf(info.Bucket, info.Key), () =>
        {
            if (!ReferenceEquals(_index.GetObject(info.Bucket, info.Key), current)) return null;
            var entry = current with { Info = info };
            RecordFiles.Write(
                files.Record,
                new ObjectRecord(RecordFormat.Current, info, entry.Content.Name, entry.Content.Length),
                StoreJsonContext.Default.ObjectRecord,
                _layout.NewTempPath());
            return _index.TryReplaceObject(info.Bucket, info.Key, current, entry) ? entry : null;
        });

    /// <summary>
    /// Renames a sealed version file into place under the next sequence number. Under the key's stripe, so a
    /// key's sequence numbers grow in commit order.
    /// </summary>
    /// <remarks>
    /// The name is new (the sequence only grows), so the move may overwrite: .NET then calls <c>rename</c> after one
    /// <c>lstat</c> of the source, where a move that must not overwrite first <c>lstat</c>s the source twice and the
    /// target once, two more path walks on every PUT.
    /// </remarks>
    private IndexedObject<ContentFile> CommitVersion(string temp, KeyFiles files, ObjectInfo info, long length, long recordsEnd)
    {
        var path = files.Version(Interlocked.Increment(ref _sequence));
        File.Move(temp, path, overwrite: true);
        return new IndexedObject<ContentFile>(info, new ContentFile(path, VersionFile.HeaderSize, length, recordsEnd));
    }

    /// <summary>
    /// Takes the version a commit replaced off the disk, and any stale file of the key known from before, under
    /// the key's stripe. Unlinked here and now: were they left for later, a delete of the new version in between
    /// followed by a crash would bring them back. Quietly, since the commit has happened: a file that stays is
    /// older than the committed one, is remembered in <see cref="KeyStrays"/> for the key's next commit, and the
    /// next startup removes it. An old-style record goes the same way; its separate content file is returned for
    /// the caller to release outside the lock. A replaced version of small content is renamed into
    /// <c>tmp/spare/</c> instead when it can be (<see cref="SpareFiles"/>), which leaves <c>objects/</c> as the unlink would.
    /// </summary>
    private ContentFile? Supersede(KeyFiles files, IndexedObject<ContentFile>? previous)
    {
        var replaced = previous is null ? null : StateFile(files, previous);
        // The condition under which OpenedObject reads a version whole and closes it, which is what makes reuse safe.
        if (previous is { Content.IsVersionFile: true } && SmallContentCache.Fits(previous.Content.Length)
            && _spares?.TryKeep(previous.Content.Path) == true)
        {
            replaced = null; // Renamed into tmp/spare/: gone from objects/ as an unlink would leave it.
        }

        var left = UnlinkStale(files, replaced);
        if (left is not null) _strays.Keep(files, left);
        return previous is { Content.IsVersionFile: false } ? previous.Content : null;
    }

    /// <summary>
    /// Takes a deleted object off the disk, under the key's stripe: its file and every stale file of the key known.
    /// Should any of them stay, a tombstone is created first, above them all, so that a restart finds the key
    /// deleted rather than the file that stayed; creating the tombstone is then what commits the delete. Throws
    /// (the object still there) only if neither the unlink nor the tombstone can be done.
    /// </summary>
    private void RemoveFromDisk(KeyFiles files, IndexedObject<ContentFile> current)
    {
        var state = StateFile(files, current);
        var left = UnlinkStale(files, replaced: null);
        if (left is null && _unlink(state)) return;

        string tombstone;
        try
        {
            tombstone = CreateTombstone(files);
        }
        catch
        {
            _strays.Keep(files, left ?? []);
            throw;
        }

        left ??= [];
        if (!_unlink(state)) left.Add(state);
        left.Add(tombstone);
        _strays.Keep(files, left);
    }

    /// <summary>Unlinks <paramref name="replaced"/> and the key's known stale files; returns those still there, or null.</summary>
    private List<string>? UnlinkStale(KeyFiles files, string? replaced)
    {
        List<string>? left = null;
        if (replaced is not null && !_unlink(replaced)) (left ??= []).Add(replaced);
        foreach (var path in _strays.Take(files))
        {
            if (!_unlink(path)) (left ??= []).Add(path);
        }

        return left;
    }

    /// <summary>An empty file named with the next sequence number: above every file of the key, it says "deleted".</summary>
    private string CreateTombstone(KeyFiles files)
    {
        var path = files.Tombstone(Interlocked.Increment(ref _sequence));
        File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write).Dispose();
        return path;
    }

    /// <summary>The file whose presence makes <paramref name="entry"/> the key's state on disk.</summary>
    private static string StateFile(KeyFiles files, IndexedObject<ContentFile> entry) =>
        entry.Content.IsVersionFile ? entry.Content.Path : files.Record;

    /// <summary>Unlinks a separate content file no record names any more; open readers keep their handle to it.</summary>
    private static void ReleaseContent(ContentFile? content)
    {
        if (content is not null) StoreFiles.DeleteQuietly(content.Path);
    }
}
