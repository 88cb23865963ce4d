namespace S3Emulator.Server.Auth.SigV4;

/// <summary>The fixed strings of SigV4 as S3 uses it.</summary>
internal static class SigV4Constants
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string Terminator = "aws4_request";
    public const string ChunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";
    public const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";

    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string StreamingSignedPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>SHA-256 of the empty string, used in chunk strings to sign.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public const string ContentSha256Header = "x-amz-content-sha256";
    public const string DateHeader = "x-amz-date";
    public const string DecodedContentLengthHeader = "x-amz-decoded-content-length";
    public const string TrailerHeader = "x-amz-trailer";
    public const string TrailerSignatureName = "x-amz-trailer-signature";

    /// <summary>AWS allows at most 15 minutes between the request time and the server clock.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    /// <summary>Presigned URLs live at most seven days.</summary>
    public const long MaxPresignedExpirySeconds = 604800;

    /// <summary>The signing names accepted in the credential scope.</summary>
    public static bool IsAcceptedService(string service) => service is "s3" or "s3-object-lambda";
}
