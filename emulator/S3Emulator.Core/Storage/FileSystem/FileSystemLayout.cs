using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Where a <see cref="FileSystemObjectStore"/> keeps things under its root:
/// <code>
/// tmp/                                    files being written; wiped at startup
///   spare/{n}.spare                       replaced small version files a later PUT writes over (see SpareFiles)
/// buckets/{sha256(bucket)}/bucket.json    the bucket record; without it the directory is debris
///   objects/{sha256(key)}-{seq:x16}.obj   one file per object version: header, content, records (see VersionFile)
///   objects/{sha256(key)}-{seq:x16}.del   a tombstone: the key was deleted while an older file of it could not be unlinked
///   objects/{sha256(key)}.json            an object record written before version files existed, naming its content
///   content/{guid}.bin                    immutable content of parts (and of objects with a .json record)
///   uploads/{sha256(uploadId)}/upload.json, part-{00001}.json
/// </code>
/// Keys, bucket names and upload ids never become paths (keys may hold <c>..</c>, <c>/</c>, <c>%</c> and up
/// to 1024 bytes): files are named by a hash and the records carry the real names.
/// </summary>
/// <remarks>
/// <para>
/// A version file's name is new for every version (<c>seq</c> grows with every commit in the store), so a
/// commit renames onto a name that does not exist. Renaming over an existing file is what the store did
/// before, and on ext4 it is slow: the file system writes the new file's data out before it replaces the old
/// one (the <c>auto_da_alloc</c> safeguard), about a millisecond per PUT while holding the directories'
/// locks.
/// </para>
/// <para>
/// A key's state on disk is its file with the highest sequence number: a version file (the object) or a
/// tombstone (deleted); an old-style <c>.json</c> record counts only when the key has neither. Every other
/// file of the key is stale. A commit (a PUT, a completion, an update that rewrites its version file) renames
/// the new version into place, then unlinks the version it replaced and every stale file of the key the store
/// knows of (<see cref="KeyStrays"/>: those an unlink failed on, at a commit or at startup). A delete unlinks
/// the known stale files and then the key's version; should any of them stay, it first creates a tombstone, an
/// empty file above them all, so a restart cannot bring an older version back. A later version outranks the
/// tombstone in turn, and startup unlinks stale files, then tombstones with nothing left below them. Each step
/// is one rename, unlink or create, so a kill between two of them leaves either the old state or the new one
/// with a stale file under it, which startup sweeps.
/// </para>
/// </remarks>
internal sealed class FileSystemLayout(string root)
{
    public const string BucketRecordName = "bucket.json";
    public const string UploadRecordName = "upload.json";
    public const string ContentExtension = ".bin";
    public const string RecordExtension = ".json";
    public const string PartRecordPrefix = "part-";
    public const string VersionExtension = ".obj";
    public const string TombstoneExtension = ".del";

    private const int HashLength = 64;
    private const int SequenceLength = 16;

    private long _temp;

    public string Root { get; } = Path.GetFullPath(root);

    public string TempDirectory => Path.Combine(Root, "tmp");

    /// <summary>Inside the temp directory, so startup wipes it with it (as older builds do too).</summary>
    public string SpareDirectory => Path.Combine(TempDirectory, "spare");

    public string BucketsDirectory => Path.Combine(Root, "buckets");

    public string BucketDirectory(string bucket) => Path.Combine(BucketsDirectory, Hash(bucket));

    public string BucketRecord(string bucket) => Path.Combine(BucketDirectory(bucket), BucketRecordName);

    public string ObjectsDirectory(string bucket) => ObjectsDirectoryOf(BucketDirectory(bucket));

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

    /// <summary>A fresh path in the spare directory, numbered from the same counter as temp paths.</summary>
    public string NewSparePath() =>
        Path.Combine(SpareDirectory, Interlocked.Increment(ref _temp).ToString("x", CultureInfo.InvariantCulture) + ".spare");

    /// <summary>Where the files of <paramref name="key"/> in <paramref name="bucket"/> are named.</summary>
    public KeyFiles FilesOf(string bucket, string key) => new(Path.Combine(ObjectsDirectory(bucket), Hash(key)));

    /// <summary>
    /// Splits a version file or tombstone name into its key hash and sequence number; false for any other name.
    /// </summary>
    public static bool TryParseStateName(string fileName, out string keyHash, out long sequence, out bool tombstone)
    {
        keyHash = "";
        sequence = 0;
        tombstone = fileName.EndsWith(TombstoneExtension, StringComparison.Ordinal);
        if (fileName.Length != HashLength + 1 + SequenceLength + VersionExtension.Length
            || fileName[HashLength] != '-'
            || !(tombstone || fileName.EndsWith(VersionExtension, StringComparison.Ordinal))
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
