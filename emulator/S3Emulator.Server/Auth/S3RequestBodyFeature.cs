using System.Collections.ObjectModel;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Auth;

/// <inheritdoc />
internal sealed class S3RequestBodyFeature(long? decodedContentLength, AwsChunkedDecodingStream? chunkedBody) : IS3RequestBodyFeature
{
    public long? DecodedContentLength { get; } = decodedContentLength;

    public IReadOnlyDictionary<string, string> Trailers => chunkedBody?.Trailers ?? ReadOnlyDictionary<string, string>.Empty;
}
