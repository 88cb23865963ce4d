using System.Collections.ObjectModel;
using S3Emulator.Core.Model;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Auth;

/// <inheritdoc />
internal sealed class S3RequestBodyFeature(long? decodedContentLength, AwsChunkedDecodingStream? chunkedBody, ChecksumAlgorithm? trailingChecksum)
    : IS3RequestBodyFeature
{
    public long? DecodedContentLength { get; } = decodedContentLength;

    public ChecksumAlgorithm? TrailingChecksum { get; } = trailingChecksum;

    public IReadOnlyDictionary<string, string> Trailers => chunkedBody?.Trailers ?? ReadOnlyDictionary<string, string>.Empty;
}
