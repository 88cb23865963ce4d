namespace S3Emulator.Server.Auth.SigV4;

/// <summary>How the body is protected, as declared by <c>x-amz-content-sha256</c>.</summary>
internal enum PayloadMode
{
    /// <summary>A 64-hex SHA-256 of the plain body, checked when the body has been read.</summary>
    Sha256,

    /// <summary><c>UNSIGNED-PAYLOAD</c>: plain body, not hashed.</summary>
    Unsigned,

    /// <summary><c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c>: aws-chunked, every chunk signed.</summary>
    StreamingSigned,

    /// <summary><c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER</c>: signed chunks and a signed trailer.</summary>
    StreamingSignedTrailer,

    /// <summary><c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>: aws-chunked without signatures, unsigned trailer.</summary>
    StreamingUnsignedTrailer,
}

/// <summary>Classifies <c>x-amz-content-sha256</c> values.</summary>
internal static class PayloadHash
{
    public const string InvalidValueMessage =
        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, or a valid sha256 value.";

    public static bool TryClassify(string? value, out PayloadMode mode)
    {
        switch (value)
        {
            case SigV4Constants.UnsignedPayload: mode = PayloadMode.Unsigned; return true;
            case SigV4Constants.StreamingSignedPayload: mode = PayloadMode.StreamingSigned; return true;
            case SigV4Constants.StreamingSignedPayloadTrailer: mode = PayloadMode.StreamingSignedTrailer; return true;
            case SigV4Constants.StreamingUnsignedPayloadTrailer: mode = PayloadMode.StreamingUnsignedTrailer; return true;
        }

        mode = PayloadMode.Sha256;
        return Hex.IsSha256Hex(value);
    }

    public static bool IsAwsChunked(PayloadMode mode) =>
        mode is PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer;
}
