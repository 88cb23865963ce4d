namespace S3Emulator.Core.Identity;

/// <summary>
/// Marks a session token the emulator minted itself to let a service act for a caller on one resource — the
/// credential behind S3 Object Lambda's <c>inputS3Url</c>. Requests signed with it are the original caller's (its
/// policies apply), carry <c>aws:CalledVia</c>, and reach only <see cref="Resource"/>. Sealed inside the token, so no
/// client can make or widen one.
/// </summary>
/// <param name="CallerKind">Who the original caller is: root user, IAM user, or role session (then the enclosing claims are that session's).</param>
/// <param name="CallerArn">The original caller's ARN.</param>
/// <param name="UserName">The IAM user name when <paramref name="CallerKind"/> is <see cref="Identity.CallerKind.User"/>.</param>
/// <param name="CalledVia">The service principal that forwards the request, e.g. <c>s3-object-lambda.amazonaws.com</c>.</param>
/// <param name="Resource">The one ARN the credential may reach: an access point's object ARN, or the access point's ARN for a listing.</param>
public sealed record ForwardedAccess(CallerKind CallerKind, string CallerArn, string? UserName, string CalledVia, string Resource)
{
    /// <summary>
    /// The <see cref="Resource"/> of a request a service forwards as it came (S3 Object Lambda's pass-through): never
    /// sealed into a token, so only the emulator itself can make a principal with it.
    /// </summary>
    public const string AnyResource = "*";
}
