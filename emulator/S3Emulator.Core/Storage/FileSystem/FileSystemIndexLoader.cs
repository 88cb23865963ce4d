using S3Emulator.Core.Storage.Index;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Rebuilds the index from the records at startup and sweeps what an interrupted operation left:
/// temp files, bucket and upload directories whose record is gone, content files no record names,
/// versions a later version or tombstone of the same key superseded, tombstones with nothing left below them,
/// and old-style object records a version file or tombstone replaced.
/// </summary>
/// <remarks>
/// Every operation writes its record last when it creates and removes it first when it deletes, so a
/// missing record always means "never committed" or "already deleted", and the debris is safe to sweep.
/// Version files are renamed into place whole, so one in <c>objects/</c> is committed; of two files for one
/// key (a crash between a commit and its unlink of the version it replaced) the higher sequence is the later,
/// and a tombstone on top means the key is deleted. A stale file that cannot be unlinked now is handed to the
/// store in <see cref="KeyStrays"/>, so a later delete of the key takes it too rather than let it come back.
/// </remarks>
internal static class FileSystemIndexLoader
{
    /// <summary>
    /// Loads the index; <paramref name="lastSequence"/> is the highest version sequence on disk, so new ones sort
    /// after it. Stale files of keys are unlinked with <paramref name="unlink"/>; those it fails on go to <paramref name="strays"/>.
    /// </summary>
    public static StoreIndex<ContentFile> Load(
        FileSystemLayout layout, Func<string, bool> unlink, KeyStrays strays, out long lastSequence)
    {
        StoreFiles.DeleteDirectoryQuietly(layout.TempDirectory);
        Directory.CreateDirectory(layout.SpareDirectory);
        Directory.CreateDirectory(layout.BucketsDirectory);

        var index = new StoreIndex<ContentFile>();
        lastSequence = 0;
        foreach (var bucketDirectory in Directory.GetDirectories(layout.BucketsDirectory))
        {
            lastSequence = Math.Max(lastSequence, LoadBucket(index, bucketDirectory, unlink, strays));
        }

        return index;
    }

    private static long LoadBucket(
        StoreIndex<ContentFile> index, string bucketDirectory, Func<string, bool> unlink, KeyStrays strays)
    {
        var recordPath = Path.Combine(bucketDirectory, FileSystemLayout.BucketRecordName);
        if (!File.Exists(recordPath))
        {
            StoreFiles.DeleteDirectoryQuietly(bucketDirectory);
            return 0;
        }

        var bucket = RecordFiles.Read(recordPath, StoreJsonContext.Default.BucketRecord, r => r.FormatVersion).Bucket;
        index.TryAddBucket(bucket);
        var contentDirectory = FileSystemLayout.ContentDirectoryOf(bucketDirectory);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var objectsDirectory = FileSystemLayout.ObjectsDirectoryOf(bucketDirectory);

        // A bucket copied without its empty folders (an archive, a fixture) still takes writes.
        Directory.CreateDirectory(objectsDirectory);
        Directory.CreateDirectory(contentDirectory);
        var (versions, records) = LatestStates(objectsDirectory, unlink, strays, out var lastSequence);
        foreach (var path in versions)
        {
            var (info, content) = VersionFile.Read(path);
            index.SetObject(bucket.Name, info.Key, new IndexedObject<ContentFile>(info, content));
        }

        foreach (var path in records)
        {
            var record = RecordFiles.Read(path, StoreJsonContext.Default.ObjectRecord, r => r.FormatVersion);
            var content = ResolveContent(contentDirectory, record.ContentFile, record.ContentLength, path);
            index.SetObject(bucket.Name, record.Info.Key, new IndexedObject<ContentFile>(record.Info, content));
            referenced.Add(content.Name);
        }

        foreach (var uploadDirectory in DirectoriesIn(FileSystemLayout.UploadsDirectoryOf(bucketDirectory)))
        {
            LoadUpload(index, bucket.Name, uploadDirectory, contentDirectory, referenced);
        }

        foreach (var path in FilesIn(contentDirectory, "*"))
        {
            if (!referenced.Contains(Path.GetFileName(path))) StoreFiles.DeleteQuietly(path);
        }

        return lastSequence;
    }

    /// <summary>
    /// The state of each key in <paramref name="objectsDirectory"/>: the version file or tombstone with the highest
    /// sequence number, else an old-style record. Returns the live version files and the records to load. Older
    /// files of a key are unlinked, and so is a tombstone once nothing is left below it.
    /// </summary>
    private static (List<string> Versions, List<string> Records) LatestStates(
        string objectsDirectory, Func<string, bool> unlink, KeyStrays strays, out long lastSequence)
    {
        lastSequence = 0;
        var latest = new Dictionary<string, (long Sequence, string Path, bool Tombstone)>(StringComparer.Ordinal);
        var stale = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var records = new List<string>();
        foreach (var path in FilesIn(objectsDirectory, "*"))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(FileSystemLayout.RecordExtension, StringComparison.Ordinal))
            {
                records.Add(path);
                continue;
            }

            if (!name.EndsWith(FileSystemLayout.VersionExtension, StringComparison.Ordinal)
                && !name.EndsWith(FileSystemLayout.TombstoneExtension, StringComparison.Ordinal))
            {
                continue;
            }

            if (!FileSystemLayout.TryParseStateName(name, out var keyHash, out var sequence, out var tombstone))
            {
                throw new InvalidDataException($"The store file '{path}' is not named like an object version or tombstone.");
            }

            lastSequence = Math.Max(lastSequence, sequence);
            var state = (sequence, path, tombstone);
            if (latest.TryGetValue(keyHash, out var seen))
            {
                var older = seen.Sequence < sequence ? seen.Path : path;
                if (seen.Sequence > sequence) state = seen;
                if (!unlink(older)) StaleOf(stale, keyHash).Add(older);
            }

            latest[keyHash] = state;
        }

        // A version file or a tombstone replaced these records (a crash, or a failed unlink, left them behind).
        var loadable = new List<string>(records.Count);
        foreach (var path in records)
        {
            var keyHash = Path.GetFileNameWithoutExtension(path);
            if (!latest.ContainsKey(keyHash)) loadable.Add(path);
            else if (!unlink(path)) StaleOf(stale, keyHash).Add(path);
        }

        var versions = new List<string>(latest.Count);
        foreach (var (keyHash, (_, path, tombstone)) in latest)
        {
            var left = stale.GetValueOrDefault(keyHash);
            if (!tombstone) versions.Add(path);

            // A tombstone must stay while anything it hides does; a later commit of the key unlinks it.
            else if (left is not null || !unlink(path)) (left ??= []).Add(path);
            if (left is not null) strays.Keep(new KeyFiles(Path.Combine(objectsDirectory, keyHash)), left);
        }

        return (versions, loadable);
    }

    private static List<string> StaleOf(Dictionary<string, List<string>> stale, string keyHash) =>
        stale.TryGetValue(keyHash, out var list) ? list : stale[keyHash] = [];

    private static void LoadUpload(
        StoreIndex<ContentFile> index, string bucket, string uploadDirectory, string contentDirectory,
        HashSet<string> referenced)
    {
        var recordPath = Path.Combine(uploadDirectory, FileSystemLayout.UploadRecordName);
        if (!File.Exists(recordPath))
        {
            StoreFiles.DeleteDirectoryQuietly(uploadDirectory);
            return;
        }

        var upload = RecordFiles.Read(recordPath, StoreJsonContext.Default.UploadRecord, r => r.FormatVersion).Upload;
        index.AddUpload(upload);
        var pattern = FileSystemLayout.PartRecordPrefix + "*" + FileSystemLayout.RecordExtension;
        foreach (var path in FilesIn(uploadDirectory, pattern))
        {
            var record = RecordFiles.Read(path, StoreJsonContext.Default.PartRecord, r => r.FormatVersion);
            var content = ResolveContent(contentDirectory, record.ContentFile, record.ContentLength, path);
            index.TrySetPart(bucket, upload.UploadId, new IndexedPart<ContentFile>(record.Part, content), out _);
            referenced.Add(content.Name);
        }
    }

    private static ContentFile ResolveContent(string contentDirectory, string name, long length, string recordPath)
    {
        // A record naming a path rather than a plain file name was not written by this store.
        if (name.Length == 0 || !string.Equals(Path.GetFileName(name), name, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The store record '{recordPath}' names an invalid content file.");
        }

        var path = Path.Combine(contentDirectory, name);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The content file of store record '{recordPath}' is missing.");
        }

        return ContentFile.Separate(path, length);
    }

    // Arrays, not lazy enumeration: the sweep deletes entries of the directories it walks.
    private static string[] FilesIn(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, pattern) : [];

    private static string[] DirectoriesIn(string directory) =>
        Directory.Exists(directory) ? Directory.GetDirectories(directory) : [];
}
