using System.Globalization;
using System.Security.Cryptography;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>Finds the upload a request names and reads its part number, with S3's errors for each.</summary>
internal static class MultipartUploads
{
    public const int MaxPartNumber = 10_000;

    /// <summary>Every part but the last must be at least 5 MiB.</summary>
    public const long MinPartSize = 5L * 1024 * 1024;

    /// <summary>A new opaque upload id: random, URL-safe, and never reused.</summary>
    public static string NewUploadId() => Base64UrlEncode(RandomNumberGenerator.GetBytes(48));

    /// <summary>The upload named by <c>?uploadId=</c>; it must belong to the bucket and key of the request.</summary>
    public static async Task<MultipartUpload> RequireAsync(S3RequestContext context) =>
        await FindAsync(context).ConfigureAwait(false) ?? throw NoSuchUpload(RequestedUploadId(context));

    /// <summary>The upload named by <c>?uploadId=</c> if it is in progress for the bucket and key of the request.</summary>
    public static async Task<MultipartUpload?> FindAsync(S3RequestContext context)
    {
        var upload = await context.Store.GetMultipartUploadAsync(context.Bucket, RequestedUploadId(context), context.Cancellation)
            .ConfigureAwait(false);
        return upload is not null && upload.Key == context.Key ? upload : null;
    }

    public static string RequestedUploadId(S3RequestContext context) => context.Query.Get("uploadId") ?? "";

    public static S3Exception NoSuchUpload(string uploadId) => new(S3Errors.NoSuchUpload, S3Exception.Detail("UploadId", uploadId));

    public static int PartNumber(S3RequestContext context)
    {
        var text = context.Query.Get("partNumber");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || partNumber is < 1 or > MaxPartNumber)
        {
            throw new S3Exception(S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive"),
                S3Exception.Detail("ArgumentName", "partNumber"), S3Exception.Detail("ArgumentValue", text ?? ""));
        }
        return partNumber;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
