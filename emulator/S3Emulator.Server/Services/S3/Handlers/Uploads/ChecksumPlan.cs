using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Uploads;

/// <summary>
/// Which digests an upload must be checked against, read from its headers: Content-MD5, one
/// <c>x-amz-checksum-*</c> value (in a header, or announced by <c>x-amz-trailer</c> and sent after the body),
/// and which checksum to compute and keep. Objects sent without a checksum get CRC64NVME, as S3 does.
/// </summary>
internal sealed record ChecksumPlan(byte[]? ContentMd5, ChecksumAlgorithm Algorithm, string? ExpectedValue, bool ExpectedInTrailer, bool ClientChose)
{
    public static ChecksumPlan FromRequest(S3RequestContext context, ChecksumAlgorithm? uploadAlgorithm = null)
    {
        var md5 = ParseContentMd5(context.Header("Content-MD5"));
        var valueHeaders = context.Http.Request.Headers
            .Where(h => ChecksumAlgorithms.TryParseHeaderName(h.Key, out _))
            .ToList();
        if (valueHeaders.Count > 1)
        {
            throw new S3Exception(S3Errors.InvalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed."));
        }
        var trailingChecksum = context.Http.Features.Get<IS3RequestBodyFeature>()?.TrailingChecksum;
        var declared = context.Header(S3Headers.SdkChecksumAlgorithm) ?? context.Header(S3Headers.ChecksumAlgorithm);
        ChecksumAlgorithm? declaredAlgorithm = null;
        if (declared is not null)
        {
            if (!ChecksumAlgorithms.TryParseName(declared, out var parsed))
            {
                throw new S3Exception(S3Errors.InvalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"));
            }
            declaredAlgorithm = parsed;
        }

        if (valueHeaders.Count == 1)
        {
            ChecksumAlgorithms.TryParseHeaderName(valueHeaders[0].Key, out var algorithm);
            var value = valueHeaders[0].Value.ToString();
            RequireWellFormed(algorithm, value);
            RequireSameAlgorithm(algorithm, declaredAlgorithm ?? uploadAlgorithm);
            return new ChecksumPlan(md5, algorithm, value, ExpectedInTrailer: false, ClientChose: true);
        }
        if (trailingChecksum is { } trailerAlgorithm)
        {
            RequireSameAlgorithm(trailerAlgorithm, declaredAlgorithm ?? uploadAlgorithm);
            return new ChecksumPlan(md5, trailerAlgorithm, null, ExpectedInTrailer: true, ClientChose: true);
        }
        var chosen = declaredAlgorithm ?? uploadAlgorithm;
        return new ChecksumPlan(md5, chosen ?? ChecksumAlgorithm.Crc64Nvme, null, ExpectedInTrailer: false, ClientChose: chosen is not null);
    }

    public static void RequireWellFormed(ChecksumAlgorithm algorithm, string? value)
    {
        if (!ChecksumAlgorithms.TryDecode(algorithm, value, out _))
        {
            throw new S3Exception(S3Errors.InvalidRequest($"Value for {ChecksumAlgorithms.HeaderName(algorithm)} header is invalid."));
        }
    }

    private static void RequireSameAlgorithm(ChecksumAlgorithm sent, ChecksumAlgorithm? declared)
    {
        if (declared is { } expected && expected != sent)
        {
            throw new S3Exception(S3Errors.InvalidRequest(
                $"Checksum Type mismatch occurred, expected checksum Type: {ChecksumAlgorithms.Name(expected).ToLowerInvariant()}, actual checksum Type: {ChecksumAlgorithms.Name(sent).ToLowerInvariant()}"));
        }
    }

    private static byte[]? ParseContentMd5(string? header)
    {
        if (header is null) return null;
        var buffer = new byte[18];
        if (!Convert.TryFromBase64String(header.Trim(), buffer, out var written) || written != 16)
        {
            throw new S3Exception(S3Errors.InvalidDigest);
        }
        return buffer[..16];
    }
}
