namespace S3Emulator.Server.Auth.SigV4;

/// <summary>The strings SigV4 signs: the request's, each aws-chunked chunk's and the trailer's.</summary>
internal static class StringToSign
{
    /// <summary><c>AWS4-HMAC-SHA256\n&lt;amz-date&gt;\n&lt;scope&gt;\n&lt;hex sha256(canonical request)&gt;</c>.</summary>
    public static string ForRequest(string amzDate, string scope, string canonicalRequest) =>
        $"{SigV4Constants.Algorithm}\n{amzDate}\n{scope}\n{Hex.Sha256(canonicalRequest)}";

    /// <summary>A chunk's string to sign, chained from the previous signature (the seed for the first chunk).</summary>
    public static string ForChunk(string amzDate, string scope, string previousSignature, string chunkSha256Hex) =>
        $"{SigV4Constants.ChunkAlgorithm}\n{amzDate}\n{scope}\n{previousSignature}\n{SigV4Constants.EmptySha256}\n{chunkSha256Hex}";

    /// <summary>The trailer's string to sign: the hash covers each trailer line as <c>name:value\n</c>.</summary>
    public static string ForTrailer(string amzDate, string scope, string previousSignature, string canonicalTrailers) =>
        $"{SigV4Constants.TrailerAlgorithm}\n{amzDate}\n{scope}\n{previousSignature}\n{Hex.Sha256(canonicalTrailers)}";
}
