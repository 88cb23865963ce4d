using S3Emulator.Core.Storage.Index;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Rebuilds the index from the records at startup and sweeps what an interrupted operation left:
/// temp files, bucket and upload directories whose record is gone, content files no record names,
/// versions a later version of the same key superseded, and old-style object records a version file replaced.
/// </summary>
/// <remarks>
/// Every operation writes its record last when it creates and removes it first when it deletes, so a
/// missing record always means "never committed" or "already deleted", and the debris is safe to sweep.
/// Version files are renamed into place whole, so one in <c>objects/</c> is committed; of two for one key
/// (a crash between a commit and its unlink of the version it replaced) the higher sequence is the later.
/// </remarks>
internal static class FileSystemIndexLoader
{
    /// <summary>Loads the index; <paramref name="lastSequence"/> is the highest version sequence on disk, so new ones sort after it.</summary>
    public static StoreIndex<ContentFile> Load(FileSystemLayout layout, out long lastSequence)
    {
        StoreFiles.DeleteDirectoryQuietly(layout.TempDirectory);
        Directory.CreateDirectory(layout.TempDirectory);
        Directory.CreateDirectory(layout.BucketsDirectory);

        var index = new StoreIndex<ContentFile>();
        lastSequence = 0;
        foreach (var bucketDirectory in Directory.GetDirectories(layout.BucketsDirectory))
        {
            lastSequence = Math.Max(lastSequence, LoadBucket(index, bucketDirectory));
        }

        return index;
    }

    private static long LoadBucket(StoreIndex<ContentFile> index, string bucketDirectory)
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
        var versions = LatestVersions(objectsDirectory, out var lastSequence);
        foreach (var path in versions.Values)
        {
            var (info, content) = VersionFile.Read(path);
            index.SetObject(bucket.Name, info.Key, new IndexedObject<ContentFile>(info, content));
        }

        foreach (var path in FilesIn(objectsDirectory, "*" + FileSystemLayout.RecordExtension))
        {
            // A version file replaced this record (a crash came between its rename and the record's removal).
            if (versions.ContainsKey(Path.GetFileNameWithoutExtension(path)))
            {
                StoreFiles.DeleteQuietly(path);
                continue;
            }

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

    /// <summary>The newest version file of each key hash; older ones are deleted.</summary>
    private static Dictionary<string, string> LatestVersions(string objectsDirectory, out long lastSequence)
    {
        lastSequence = 0;
        var latest = new Dictionary<string, (long Sequence, string Path)>(StringComparer.Ordinal);
        foreach (var path in FilesIn(objectsDirectory, "*" + FileSystemLayout.VersionExtension))
        {
            if (!FileSystemLayout.TryParseVersionName(Path.GetFileName(path), out var keyHash, out var sequence))
            {
                throw new InvalidDataException($"The store file '{path}' is not named like an object version.");
            }

            lastSequence = Math.Max(lastSequence, sequence);
            if (!latest.TryGetValue(keyHash, out var seen))
            {
                latest[keyHash] = (sequence, path);
                continue;
            }

            var (older, newer) = seen.Sequence < sequence ? (seen.Path, (sequence, path)) : (path, seen);
            StoreFiles.DeleteQuietly(older);
            latest[keyHash] = newer;
        }

        return latest.ToDictionary(p => p.Key, p => p.Value.Path, StringComparer.Ordinal);
    }

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
