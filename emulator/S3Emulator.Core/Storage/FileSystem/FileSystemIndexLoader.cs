using S3Emulator.Core.Storage.Index;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Rebuilds the index from the records at startup and sweeps what an interrupted operation left:
/// temp files, bucket and upload directories whose record is gone, and content files no record names.
/// </summary>
/// <remarks>
/// Every operation writes its record last when it creates and removes it first when it deletes, so a
/// missing record always means "never committed" or "already deleted", and the debris is safe to sweep.
/// </remarks>
internal static class FileSystemIndexLoader
{
    public static StoreIndex<ContentFile> Load(FileSystemLayout layout)
    {
        StoreFiles.DeleteDirectoryQuietly(layout.TempDirectory);
        Directory.CreateDirectory(layout.TempDirectory);
        Directory.CreateDirectory(layout.BucketsDirectory);

        var index = new StoreIndex<ContentFile>();
        foreach (var bucketDirectory in Directory.GetDirectories(layout.BucketsDirectory))
        {
            LoadBucket(index, bucketDirectory);
        }

        return index;
    }

    private static void LoadBucket(StoreIndex<ContentFile> index, string bucketDirectory)
    {
        var recordPath = Path.Combine(bucketDirectory, FileSystemLayout.BucketRecordName);
        if (!File.Exists(recordPath))
        {
            StoreFiles.DeleteDirectoryQuietly(bucketDirectory);
            return;
        }

        var bucket = RecordFiles.Read(recordPath, StoreJsonContext.Default.BucketRecord, r => r.FormatVersion).Bucket;
        index.TryAddBucket(bucket);
        var contentDirectory = FileSystemLayout.ContentDirectoryOf(bucketDirectory);
        var referenced = new HashSet<string>(StringComparer.Ordinal);

        foreach (var path in FilesIn(FileSystemLayout.ObjectsDirectoryOf(bucketDirectory), "*" + FileSystemLayout.RecordExtension))
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

        return new ContentFile(path, length);
    }

    // Arrays, not lazy enumeration: the sweep deletes entries of the directories it walks.
    private static string[] FilesIn(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, pattern) : [];

    private static string[] DirectoriesIn(string directory) =>
        Directory.Exists(directory) ? Directory.GetDirectories(directory) : [];
}
