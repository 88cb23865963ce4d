using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Where a <see cref="FileSystemObjectStore"/> keeps things under its root:
/// <code>
/// tmp/                                   content and records being written; wiped at startup
/// buckets/{sha256(bucket)}/bucket.json   the bucket record; without it the directory is debris
///   objects/{sha256(key)}.json           one record per object, naming its content file
///   content/{guid}.bin                   immutable content of objects and parts, one file per version
///   uploads/{sha256(uploadId)}/upload.json, part-{00001}.json
/// </code>
/// Keys, bucket names and upload ids never become paths (keys may hold <c>..</c>, <c>/</c>, <c>%</c> and up
/// to 1024 bytes): files are named by a hash and the records carry the real names.
/// </summary>
internal sealed class FileSystemLayout(string root)
{
    public const string BucketRecordName = "bucket.json";
    public const string UploadRecordName = "upload.json";
    public const string ContentExtension = ".bin";
    public const string RecordExtension = ".json";
    public const string PartRecordPrefix = "part-";

    public string Root { get; } = Path.GetFullPath(root);

    public string TempDirectory => Path.Combine(Root, "tmp");

    public string BucketsDirectory => Path.Combine(Root, "buckets");

    public string BucketDirectory(string bucket) => Path.Combine(BucketsDirectory, Hash(bucket));

    public string BucketRecord(string bucket) => Path.Combine(BucketDirectory(bucket), BucketRecordName);

    public string ObjectsDirectory(string bucket) => ObjectsDirectoryOf(BucketDirectory(bucket));

    public string ObjectRecord(string bucket, string key) =>
        Path.Combine(ObjectsDirectory(bucket), Hash(key) + RecordExtension);

    public string ContentDirectory(string bucket) => ContentDirectoryOf(BucketDirectory(bucket));

    public string UploadsDirectory(string bucket) => UploadsDirectoryOf(BucketDirectory(bucket));

    public string UploadDirectory(string bucket, string uploadId) => Path.Combine(UploadsDirectory(bucket), Hash(uploadId));

    public string UploadRecord(string bucket, string uploadId) =>
        Path.Combine(UploadDirectory(bucket, uploadId), UploadRecordName);

    public string PartRecord(string bucket, string uploadId, int partNumber) =>
        Path.Combine(
            UploadDirectory(bucket, uploadId),
            PartRecordPrefix + partNumber.ToString("D5", CultureInfo.InvariantCulture) + RecordExtension);

    /// <summary>A fresh, unique content file name; versions never share a file, so replacing one never disturbs a reader.</summary>
    public static string NewContentName() => Guid.NewGuid().ToString("N") + ContentExtension;

    /// <summary>A fresh temp path on the same file system as the store, so committing is a rename.</summary>
    public string NewTempPath() => Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + ".tmp");

    public static string ObjectsDirectoryOf(string bucketDirectory) => Path.Combine(bucketDirectory, "objects");

    public static string ContentDirectoryOf(string bucketDirectory) => Path.Combine(bucketDirectory, "content");

    public static string UploadsDirectoryOf(string bucketDirectory) => Path.Combine(bucketDirectory, "uploads");

    public static string Hash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
