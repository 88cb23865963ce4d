using System.Globalization;
using System.Xml.Linq;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>One Part of a CompleteMultipartUpload body: number, ETag and the checksum in the upload's algorithm.</summary>
internal sealed record CompletedPart(int PartNumber, string? ETag, string? Checksum);

/// <summary>
/// Reads the CompleteMultipartUpload body and checks it against the uploaded parts the way S3 does:
/// ascending part numbers, every part present with its ETag (and checksum when given), and every part
/// but the last at least 5 MiB.
/// </summary>
internal static class CompletedParts
{
    public static IReadOnlyList<CompletedPart> Parse(XElement root, ChecksumAlgorithm? algorithm)
    {
        if (root.Name.LocalName != "CompleteMultipartUpload") throw new S3Exception(S3Errors.MalformedXML);
        var checksumElement = algorithm is { } a ? "Checksum" + ChecksumAlgorithms.Name(a) : null;
        var parts = new List<CompletedPart>();
        foreach (var part in root.Children("Part"))
        {
            if (!int.TryParse(part.Child("PartNumber")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new S3Exception(S3Errors.MalformedXML);
            }
            parts.Add(new CompletedPart(number, part.Child("ETag")?.Trim(), checksumElement is null ? null : part.Child(checksumElement)?.Trim()));
        }
        if (parts.Count is 0 or > MultipartUploads.MaxPartNumber) throw new S3Exception(S3Errors.MalformedXML);
        return parts;
    }

    /// <summary>The stored parts the request names, in its order, after every check S3 makes.</summary>
    public static IReadOnlyList<PartInfo> Match(MultipartUpload upload, IReadOnlyList<CompletedPart> requested, IReadOnlyList<PartInfo> uploaded)
    {
        for (var i = 1; i < requested.Count; i++)
        {
            if (requested[i].PartNumber <= requested[i - 1].PartNumber) throw new S3Exception(S3Errors.InvalidPartOrder, UploadIdDetail(upload));
        }
        var byNumber = uploaded.ToDictionary(p => p.PartNumber);
        var matched = new List<PartInfo>(requested.Count);
        foreach (var part in requested)
        {
            if (!byNumber.TryGetValue(part.PartNumber, out var stored) || part.ETag?.Trim('"') != stored.ETag)
            {
                throw InvalidPart(upload, part);
            }
            RequireChecksum(upload, part, stored);
            matched.Add(stored);
        }
        for (var i = 0; i < matched.Count - 1; i++)
        {
            if (matched[i].Size < MultipartUploads.MinPartSize) throw TooSmall(matched[i]);
        }
        return matched;
    }

    /// <summary>A COMPOSITE checksum is built from the part checksums, so the request must name each one.</summary>
    private static void RequireChecksum(MultipartUpload upload, CompletedPart part, PartInfo stored)
    {
        if (upload.ChecksumAlgorithm is not { } algorithm) return;
        if (part.Checksum is null)
        {
            if (upload.ChecksumType != ChecksumType.Composite) return;
            throw new S3Exception(S3Errors.InvalidRequest(string.Create(CultureInfo.InvariantCulture,
                $"The upload was created using a {ChecksumAlgorithms.Name(algorithm).ToLowerInvariant()} checksum. The complete request must include the checksum for each part. It was missing for part {part.PartNumber} in the request.")));
        }
        if (part.Checksum != stored.ChecksumValue) throw InvalidPart(upload, part);
    }

    private static S3Exception InvalidPart(MultipartUpload upload, CompletedPart part) =>
        new(S3Errors.InvalidPart, UploadIdDetail(upload),
            S3Exception.Detail("PartNumber", part.PartNumber.ToString(CultureInfo.InvariantCulture)),
            S3Exception.Detail("ETag", part.ETag ?? ""));

    private static S3Exception TooSmall(PartInfo part) =>
        new(S3Errors.EntityTooSmall,
            S3Exception.Detail("ProposedSize", part.Size.ToString(CultureInfo.InvariantCulture)),
            S3Exception.Detail("MinSizeAllowed", MultipartUploads.MinPartSize.ToString(CultureInfo.InvariantCulture)),
            S3Exception.Detail("PartNumber", part.PartNumber.ToString(CultureInfo.InvariantCulture)),
            S3Exception.Detail("ETag", part.ETag));

    private static KeyValuePair<string, string> UploadIdDetail(MultipartUpload upload) => S3Exception.Detail("UploadId", upload.UploadId);
}
