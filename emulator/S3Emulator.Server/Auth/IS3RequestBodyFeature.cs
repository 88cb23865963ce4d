using S3Emulator.Core.Model;

namespace S3Emulator.Server.Auth;

/// <summary>
/// What authentication learnt about the request body. Set on every authenticated or anonymous request;
/// <c>HttpRequest.Body</c> then yields the plain (decoded, verified) payload.
/// </summary>
internal interface IS3RequestBodyFeature
{
    /// <summary><c>x-amz-decoded-content-length</c> for aws-chunked bodies, otherwise <c>Content-Length</c>; null when unknown.</summary>
    long? DecodedContentLength { get; }

    /// <summary>
    /// The checksum <c>x-amz-trailer</c> announces for an aws-chunked body with trailers; null otherwise. Its value
    /// arrives in <see cref="Trailers"/>; the upload verifier computes the body's checksum and compares the two.
    /// </summary>
    ChecksumAlgorithm? TrailingChecksum { get; }

    /// <summary>Trailer headers of an aws-chunked body (lowercase names); empty until the body was read to its end.</summary>
    IReadOnlyDictionary<string, string> Trailers { get; }
}
