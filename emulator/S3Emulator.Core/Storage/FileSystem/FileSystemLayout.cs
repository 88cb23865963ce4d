using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Where a <see cref="FileSystemObjectStore"/> keeps things under its root:
/// <code>
/// tmp/                                    files being written; wiped at startup
/// buckets/{sha256(bucket)}/bucket.json    the bucket record; without it the directory is debris
///   objects/{sha256(key)}-{seq:x16}.obj   one file per object version: header, content, record (see VersionFile)
///   objects/{sha256(key)}.json            an object record written before version files existed, naming its content
///   content/{guid}.bin                    immutable content of parts (and of objects with a .json record)
///   uploads/{sha256(uploadId)}/upload.json, part-{00001}.json
/// </code>
/// Keys, bucket names and upload ids never become paths (keys may hold <c>..</c>, <c>/</c>, <c>%</c> and up
/// to 1024 bytes): files are named by a hash and the records carry the real names.
/// </summary>
/// <remarks>
/// A version file's name is new for every version (<c>seq</c> grows with every commit in the store), so a
/// commit renames onto a name that does not exist. Renaming over an existing file is what the store did
/// before, and on ext4 it is slow: the file system writes the new file's data out before it replaces the old
/// one (the <c>auto_da_alloc</c> safeguard), about a millisecond per PUT while holding the directories'
/// locks. At most one version of a key outlives its commit; should a crash leave two, the higher sequence
/// number is the later commit.
/// </remarks>
internal sealed class FileSystemLayout(string root)
{
    public const string BucketRecordName = "bucket.json";
    public const string UploadRecordName = "upload.json";
    public const string ContentExtension = ".bin";
    public const string RecordExtension = ".json";
    public const string PartRecordPrefix = "part-";
    public const string VersionExtension = ".obj";

    private const int HashLength = 64;
    private const int SequenceLength = 16;

    private long _temp;

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

    /// <summary>
    /// A fresh temp path on the same file system as the store, so committing is a rename. A counter is enough:
    /// one store owns the directory, and startup empties it.
    /// </summary>
    public string NewTempPath() =>
        Path.Combine(TempDirectory, Interlocked.Increment(ref _temp).ToString("x", CultureInfo.InvariantCulture) + ".tmp");

    /// <summary>The file of the version of <paramref name="key"/> committed as <paramref name="sequence"/>.</summary>
    public string VersionFile(string bucket, string key, long sequence) =>
        Path.Combine(
            ObjectsDirectory(bucket),
            Hash(key) + "-" + sequence.ToString("x16", CultureInfo.InvariantCulture) + VersionExtension);

    /// <summary>Splits a version file name into its key hash and sequence number; false for any other name.</summary>
    public static bool TryParseVersionName(string fileName, out string keyHash, out long sequence)
    {
        keyHash = "";
        sequence = 0;
        if (fileName.Length != HashLength + 1 + SequenceLength + VersionExtension.Length
            || fileName[HashLength] != '-'
            || !fileName.EndsWith(VersionExtension, StringComparison.Ordinal)
            || !long.TryParse(
                fileName.AsSpan(HashLength + 1, SequenceLength), NumberStyles.AllowHexSpecifier,
                CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }

        keyHash = fileName[..HashLength];
        return true;
    }

    public static string ObjectsDirectoryOf(string bucketDirectory) => Path.Combine(bucketDirectory, "objects");

    public static string ContentDirectoryOf(string bucketDirectory) => Path.Combine(bucketDirectory, "content");

    public static string UploadsDirectoryOf(string bucketDirectory) => Path.Combine(bucketDirectory, "uploads");

    public static string Hash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
