using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>Versions the on-disk record format, so a later format (for example with encryption) can migrate or refuse old data.</summary>
internal static class RecordFormat
{
    public const int Current = 1;
}

internal sealed record BucketRecord(int FormatVersion, BucketInfo Bucket);

/// <summary>An object's record and the name of its content file in the bucket's content directory.</summary>
internal sealed record ObjectRecord(int FormatVersion, ObjectInfo Info, string ContentFile, long ContentLength);

internal sealed record UploadRecord(int FormatVersion, MultipartUpload Upload);

/// <summary>A part's record and the name of its content file in the bucket's content directory.</summary>
internal sealed record PartRecord(int FormatVersion, PartInfo Part, string ContentFile, long ContentLength);

/// <summary>An object's record inside its version file; the file itself holds the content.</summary>
internal sealed record VersionRecord(int FormatVersion, ObjectInfo Info);
