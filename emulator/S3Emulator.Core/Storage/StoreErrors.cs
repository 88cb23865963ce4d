using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage;

/// <summary>The S3 errors and contract checks every store raises the same way.</summary>
internal static class StoreErrors
{
    public static S3Exception NoSuchBucket(string bucket) =>
        new(S3Errors.NoSuchBucket, new KeyValuePair<string, string>("BucketName", bucket));

    public static S3Exception NoSuchUpload(string uploadId) =>
        new(S3Errors.NoSuchUpload, new KeyValuePair<string, string>("UploadId", uploadId));

    public static S3Exception InvalidPart(int partNumber) =>
        new(S3Errors.InvalidPart, new KeyValuePair<string, string>("PartNumber", partNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// A record filed under one key but naming another would list wrongly and survive a restart under the
    /// wrong name, so a caller's describe/update callback must keep bucket and key.
    /// </summary>
    public static ObjectInfo EnsureAddresses(ObjectInfo info, string bucket, string key) =>
        string.Equals(info.Bucket, bucket, StringComparison.Ordinal) && string.Equals(info.Key, key, StringComparison.Ordinal)
            ? info
            : throw new InvalidOperationException(
                "An object record must keep the bucket and key it is stored under.");

    public static PartInfo EnsurePartNumber(PartInfo part, int partNumber) =>
        part.PartNumber == partNumber
            ? part
            : throw new InvalidOperationException("A part record must keep the part number it is stored under.");
}
