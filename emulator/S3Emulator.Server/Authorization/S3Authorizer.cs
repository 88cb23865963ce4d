using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Decides whether the caller may run the operation. Until bucket and identity policies exist,
/// anonymous callers are denied everything, as S3 denies them on a bucket with no public policy.
/// </summary>
internal static class S3Authorizer
{
    public static void Authorize(S3RequestContext context)
    {
        if (context.Principal is null) throw new S3Exception(S3Errors.AccessDenied);
    }
}
