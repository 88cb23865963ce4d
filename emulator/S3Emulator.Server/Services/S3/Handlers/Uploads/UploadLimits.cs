using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Services.S3.Handlers.Uploads;

/// <summary>The size rules S3 applies to every upload, and the body a handler should read.</summary>
internal static class UploadLimits
{
    public const long MaxSinglePutBytes = 5L * 1024 * 1024 * 1024;
    public const int MaxKeyBytes = 1024;

    public static void RequireValidKey(string key)
    {
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes) throw new S3Exception(S3Errors.KeyTooLongError);
    }

    /// <summary>
    /// Wraps the request body in a verifying stream. The length the client announced is the decoded
    /// length for aws-chunked bodies and Content-Length otherwise; S3 rejects what exceeds a single PUT.
    /// </summary>
    public static VerifyingUploadStream OpenBody(S3RequestContext context, ChecksumPlan plan)
    {
        var body = context.Http.Features.Get<IS3RequestBodyFeature>();
        var length = body?.DecodedContentLength ?? context.Http.Request.ContentLength;
        if (length > MaxSinglePutBytes) throw new S3Exception(S3Errors.EntityTooLarge);
        return new VerifyingUploadStream(context.Body, plan, body, length, leaveOpen: true);
    }
}
