using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Handlers.Uploads;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>DeleteObjects: up to 1000 keys in one XML request; Quiet reports only the failures.</summary>
internal static class DeleteObjectsHandler
{
    private const int MaxKeys = 1000;

    public static async Task<S3Result> DeleteObjectsAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await using var body = UploadLimits.OpenBody(context, ChecksumPlan.FromRequest(context));
        var request = await ReadAsync(body, context.Cancellation).ConfigureAwait(false);
        var quiet = string.Equals(request.Child("Quiet"), "true", StringComparison.OrdinalIgnoreCase);
        var keys = request.Children("Object").Select(o => o.Child("Key")).ToList();
        if (keys.Count is 0 or > MaxKeys || keys.Any(k => k is null)) throw new S3Exception(S3Errors.MalformedXML);

        var results = new List<System.Xml.Linq.XElement>();
        foreach (var key in keys)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(key!) > UploadLimits.MaxKeyBytes)
            {
                results.Add(E("Error", E("Key", key), E("Code", S3Errors.KeyTooLongError.Code), E("Message", S3Errors.KeyTooLongError.Message)));
                continue;
            }
            // A key that does not exist counts as deleted, as with DeleteObject.
            await context.Store.DeleteObjectAsync(context.Bucket, key!, context.Cancellation).ConfigureAwait(false);
            if (!quiet) results.Add(E("Deleted", E("Key", key)));
        }
        return S3Result.Xml(E("DeleteResult", results));
    }
}
