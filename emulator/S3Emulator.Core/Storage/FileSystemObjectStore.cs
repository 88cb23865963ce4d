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
/// Content streams to a temp file (bounded memory whatever the object size) and is renamed into place;
/// each version gets its own content file, and the object becomes visible when its JSON record is renamed
/// over the old one. Records carry the real key; files are named by hashes (see <see cref="FileSystemLayout"/>).
/// </para>
/// <para>
/// Commits (rename, record write, index update) are short and take one store-wide lock, so disk and index
/// always change in the same order and concurrent writers to a key leave exactly the last commit. Bytes
/// are streamed outside that lock. Reads use the in-memory index, rebuilt from the records at startup.
/// </para>
/// <para>
/// Records are renamed into place but not fsynced: the store survives process restarts, not power loss,
/// which is enough for an emulator and keeps writes fast.
/// </para>
/// </remarks>
public sealed partial class FileSystemObjectStore : IObjectStore
{
    private const int ListingBatchSize = 256;

    private readonly FileSystemLayout _layout;
    private readonly StoreIndex<ContentFile> _index;
    private readonly SemaphoreSlim _commitLock = new(1, 1);

    /// <summary>
    /// Opens (or creates) the store under <paramref name="rootDirectory"/>, rebuilding its index from the
    /// records and removing what an interrupted write left behind. Only one store may use a directory at a time.
    /// </summary>
    public FileSystemObjectStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _layout = new FileSystemLayout(rootDirectory);
        _index = FileSystemIndexLoader.Load(_layout);
    }

    /// <summary>The full path of the store's root directory.</summary>
    public string RootDirectory => _layout.Root;

    public async ValueTask<bool> TryCreateBucketAsync(BucketInfo bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return await CommitAsync(
            () =>
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
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<BucketInfo?> GetBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetBucket(bucket));

    public ValueTask<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.ListBuckets());

    public async ValueTask<DeleteBucketOutcome> DeleteBucketAsync(string bucket, CancellationToken cancellationToken) =>
        await CommitAsync(
            () =>
            {
                var outcome = _index.GetDeleteOutcome(bucket);
                if (outcome != DeleteBucketOutcome.Deleted) return outcome;

                // Removing the record commits the deletion; the rest is debris a restart would sweep.
                File.Delete(_layout.BucketRecord(bucket));
                _index.TryRemoveBucket(bucket);
                StoreFiles.DeleteDirectoryQuietly(_layout.BucketDirectory(bucket));
                return outcome;
            },
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<BucketInfo?> UpdateBucketAsync(
        string bucket, Func<BucketInfo, BucketInfo> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return await CommitAsync(
            () =>
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
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ObjectInfo> PutObjectAsync(
        string bucket, string key, Stream content, Func<long, ObjectInfo> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(describe);
        if (_index.GetBucket(bucket) is null) throw StoreErrors.NoSuchBucket(bucket);

        var temp = _layout.NewTempPath();
        try
        {
            var length = await ContentWriter.WriteAsync(content, temp, cancellationToken).ConfigureAwait(false);
            var info = StoreErrors.EnsureAddresses(describe(length), bucket, key);
            var previous = await CommitAsync(
                () =>
                {
                    if (_index.GetBucket(bucket) is null) throw StoreErrors.NoSuchBucket(bucket);
                    var entry = new IndexedObject<ContentFile>(info, MoveIntoContent(temp, bucket, length));
                    WriteRecordOrDiscardContent(entry.Content, () => WriteObjectRecord(entry));
                    return _index.SetObject(bucket, key, entry);
                },
                cancellationToken).ConfigureAwait(false);
            ReleaseContent(previous?.Content);
            return info;
        }
        finally
        {
            StoreFiles.DeleteQuietly(temp);
        }
    }

    public ValueTask<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetObject(bucket, key)?.Info);

    public ValueTask<IStoredObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = _index.GetObject(bucket, key);
            if (entry is null) return ValueTask.FromResult<IStoredObject?>(null);
            try
            {
                var file = SharedFileHandle.Open(entry.Content.Path);
                return ValueTask.FromResult<IStoredObject?>(new FileStoredObject(entry.Info, file, entry.Content.Length));
            }
            catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException
                                         && !ReferenceEquals(_index.GetObject(bucket, key), entry))
            {
                // A writer replaced or deleted this version between the lookup and the open: look again.
            }
        }
    }

    public async ValueTask<ObjectInfo?> UpdateObjectInfoAsync(
        string bucket, string key, Func<ObjectInfo, ObjectInfo> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);

        // Optimistic: the callback runs outside the commit lock and is retried if a writer got in between.
        while (true)
        {
            var current = _index.GetObject(bucket, key);
            if (current is null) return null;
            var updated = current with { Info = StoreErrors.EnsureAddresses(update(current.Info), bucket, key) };
            var committed = await CommitAsync(
                () =>
                {
                    if (!ReferenceEquals(_index.GetObject(bucket, key), current)) return false;
                    WriteObjectRecord(updated);
                    return _index.TryReplaceObject(bucket, key, current, updated);
                },
                cancellationToken).ConfigureAwait(false);
            if (committed) return updated.Info;
        }
    }

    public async ValueTask<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var removed = await CommitAsync(
            () =>
            {
                if (_index.GetObject(bucket, key) is null) return null;
                File.Delete(_layout.ObjectRecord(bucket, key));
                return _index.RemoveObject(bucket, key);
            },
            cancellationToken).ConfigureAwait(false);
        ReleaseContent(removed?.Content);
        return removed is not null;
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

    /// <summary>Runs a short commit step under the store-wide lock. The step must not await.</summary>
    private async ValueTask<T> CommitAsync<T>(Func<T> commit, CancellationToken cancellationToken)
    {
        await _commitLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return commit();
        }
        finally
        {
            _commitLock.Release();
        }
    }

    /// <summary>Renames a finished temp file into the bucket's content directory under a fresh name.</summary>
    private ContentFile MoveIntoContent(string temp, string bucket, long length)
    {
        var path = Path.Combine(_layout.ContentDirectory(bucket), FileSystemLayout.NewContentName());
        File.Move(temp, path);
        return new ContentFile(path, length);
    }

    private static void WriteRecordOrDiscardContent(ContentFile content, Action writeRecord)
    {
        try
        {
            writeRecord();
        }
        catch
        {
            StoreFiles.DeleteQuietly(content.Path);
            throw;
        }
    }

    private void WriteObjectRecord(IndexedObject<ContentFile> entry) =>
        RecordFiles.Write(
            _layout.ObjectRecord(entry.Info.Bucket, entry.Info.Key),
            new ObjectRecord(RecordFormat.Current, entry.Info, entry.Content.Name, entry.Content.Length),
            StoreJsonContext.Default.ObjectRecord,
            _layout.NewTempPath());

    /// <summary>Unlinks content no record names any more; open readers keep their handle to it.</summary>
    private static void ReleaseContent(ContentFile? content)
    {
        if (content is not null) StoreFiles.DeleteQuietly(content.Path);
    }
}
