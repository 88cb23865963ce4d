namespace S3Emulator.Core.Model;

/// <summary>The additional checksum algorithms S3 accepts (<c>x-amz-checksum-*</c>).</summary>
public enum ChecksumAlgorithm
{
    Crc32,
    Crc32C,
    Crc64Nvme,
    Sha1,
    Sha256,
}
