using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>
/// The checksum CreateMultipartUpload fixes for the upload: <c>x-amz-checksum-algorithm</c> and
/// <c>x-amz-checksum-type</c>. COMPOSITE is the default except for CRC64NVME, which only supports
/// FULL_OBJECT; the SHA algorithms only support COMPOSITE.
/// </summary>
internal sealed record UploadChecksumSettings(ChecksumAlgorithm? Algorithm, ChecksumType Type)
{
    public static UploadChecksumSettings FromRequest(S3RequestContext context)
    {
        var algorithmName = context.Header(S3Headers.ChecksumAlgorithm);
        var typeName = context.Header(S3Headers.ChecksumType);
        if (algorithmName is null)
        {
            if (typeName is not null)
            {
                throw new S3Exception(S3Errors.InvalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header."));
            }
            return new UploadChecksumSettings(null, ChecksumType.FullObject);
        }
        if (!ChecksumAlgorithms.TryParseName(algorithmName, out var algorithm))
        {
            throw new S3Exception(S3Errors.InvalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"));
        }
        var type = typeName?.Trim().ToUpperInvariant() switch
        {
            null => algorithm == ChecksumAlgorithm.Crc64Nvme ? ChecksumType.FullObject : ChecksumType.Composite,
            "COMPOSITE" => ChecksumType.Composite,
            "FULL_OBJECT" => ChecksumType.FullObject,
            _ => throw new S3Exception(S3Errors.InvalidRequest("Value for x-amz-checksum-type header is invalid.")),
        };
        var supported = type == ChecksumType.FullObject
            ? MultipartChecksum.SupportsFullObject(algorithm)
            : algorithm != ChecksumAlgorithm.Crc64Nvme;
        if (!supported)
        {
            throw new S3Exception(S3Errors.InvalidRequest(
                $"The {Objects.ObjectResponseHeaders.ChecksumTypeName(type)} checksum type cannot be used with the {ChecksumAlgorithms.Name(algorithm).ToLowerInvariant()} checksum algorithm."));
        }
        return new UploadChecksumSettings(algorithm, type);
    }
}
