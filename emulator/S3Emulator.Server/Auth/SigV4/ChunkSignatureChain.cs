using System.Text;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// The signature chain of a signed aws-chunked body: each chunk's signature covers its data and the
/// previous signature (the request signature for the first chunk); the trailer's covers its lines.
/// </summary>
internal sealed class ChunkSignatureChain(VerifiedSignature seed)
{
    private string _previous = seed.Signature;

    public void VerifyChunk(string chunkSha256Hex, string? signatureProvided)
    {
        var stringToSign = StringToSign.ForChunk(seed.AmzDate, seed.Scope.Scope, _previous, chunkSha256Hex);
        _previous = VerifyOrThrow(stringToSign, signatureProvided);
    }

    /// <summary>Verifies the trailer signature over <paramref name="trailers"/> as sent (names lowercased by the caller).</summary>
    public void VerifyTrailer(IEnumerable<KeyValuePair<string, string>> trailers, string? signatureProvided)
    {
        var canonical = new StringBuilder();
        foreach (var (name, value) in trailers.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            canonical.Append(name).Append(':').Append(CanonicalRequest.CanonicalHeaderValue(value)).Append('\n');
        }

        var stringToSign = StringToSign.ForTrailer(seed.AmzDate, seed.Scope.Scope, _previous, canonical.ToString());
        _previous = VerifyOrThrow(stringToSign, signatureProvided);
    }

    private string VerifyOrThrow(string stringToSign, string? signatureProvided)
    {
        var computed = SigningKeyCache.Sign(seed.SigningKey, stringToSign);
        if (!Hex.SignatureEquals(computed, signatureProvided))
        {
            throw AuthErrors.SignatureDoesNotMatch(seed.Scope.AccessKeyId, stringToSign, signatureProvided ?? string.Empty, canonicalRequest: null);
        }

        return computed;
    }
}
