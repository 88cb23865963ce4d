using System.Globalization;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// Replaces the request body with a stream that yields the plain payload and verifies it as it is
/// read, according to <c>x-amz-content-sha256</c>, and publishes <see cref="IS3RequestBodyFeature"/>.
/// </summary>
internal static class RequestBody
{
    /// <summary>Installs the body for an anonymous request or one whose payload is not signed.</summary>
    public static void InstallPlain(HttpContext context) =>
        context.Features.Set<IS3RequestBodyFeature>(new S3RequestBodyFeature(context.Request.ContentLength, chunkedBody: null, trailingChecksum: null));

    public static void Install(HttpContext context, VerifiedSignature signature)
    {
        var request = context.Request;
        if (!PayloadHash.TryClassify(signature.PayloadHash, out var mode) || mode == PayloadMode.Unsigned)
        {
            // Presigned URLs may carry any X-Amz-Content-Sha256 text; only a real hash is enforced.
            InstallPlain(context);
            return;
        }

        if (mode == PayloadMode.Sha256)
        {
            request.Body = new Sha256VerifyingStream(request.Body, signature.PayloadHash);
            InstallPlain(context);
            return;
        }

        var declared = DecodedContentLength(request);
        var chain = mode is PayloadMode.StreamingUnsignedTrailer ? null : new ChunkSignatureChain(signature);
        var trailerExpected = mode is PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer;
        var trailingChecksum = trailerExpected ? TrailerChecksum(request) : null;
        var chunked = new AwsChunkedDecodingStream(request.Body, chain, trailerExpected, declared);
        request.Body = chunked;
        context.Features.Set<IS3RequestBodyFeature>(new S3RequestBodyFeature(declared, chunked, trailingChecksum));
    }

    // S3 (per LocalStack's recordings) answers a missing or unparsable decoded length with SignatureDoesNotMatch.
    private static long DecodedContentLength(HttpRequest request)
    {
        var value = RequestHeaders.Get(request, SigV4Constants.DecodedContentLengthHeader);
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : throw AuthErrors.SignatureDoesNotMatch();
    }

    // x-amz-trailer names the trailing headers; at most one of them may be a checksum. The one place it is read.
    private static ChecksumAlgorithm? TrailerChecksum(HttpRequest request)
    {
        var declared = RequestHeaders.Get(request, SigV4Constants.TrailerHeader);
        if (declared is null)
        {
            return null;
        }

        ChecksumAlgorithm? found = null;
        foreach (var name in declared.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ChecksumAlgorithms.TryParseHeaderName(name, out var algorithm))
            {
                continue;
            }

            if (found is not null)
            {
                throw new S3Exception(S3Errors.InvalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed."));
            }

            found = algorithm;
        }

        return found;
    }
}
