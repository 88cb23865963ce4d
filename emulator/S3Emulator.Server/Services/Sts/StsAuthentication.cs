using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Sts;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Services.Sts;

/// <summary>
/// SigV4 for STS's query API: the shared verifier with signing name <c>sts</c> and the body's own hash (SDKs other
/// than .NET send no <c>x-amz-content-sha256</c>), and its failures in the words STS uses instead of S3's codes
/// (../shared/spec/sts.md §6: an unknown key or token is 403 <c>InvalidClientTokenId</c>, an expired token 403
/// <c>ExpiredToken</c>).
/// </summary>
internal sealed class StsAuthentication(RequestAuthenticator authenticator)
{
    /// <summary>The SigV4 signing name of STS.</summary>
    public const string SigningName = "sts";

    /// <summary>The caller, or an <see cref="StsException"/>; STS has no anonymous access.</summary>
    public S3Principal Authenticate(HttpContext context, string rawTarget, byte[] body)
    {
        try
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(body));
            return authenticator.AuthenticateBuffered(context, rawTarget, SigningName, hash)
                ?? throw new StsException(StsErrors.MissingAuthenticationToken);
        }
        catch (S3Exception exception)
        {
            throw new StsException(Translate(exception));
        }
    }

    private static StsError Translate(S3Exception exception) => exception.Error.Code switch
    {
        "InvalidAccessKeyId" or "InvalidToken" => StsErrors.InvalidClientTokenId,
        "ExpiredToken" => StsErrors.ExpiredToken,
        "SignatureDoesNotMatch" => StsErrors.SignatureDoesNotMatch,
        "RequestTimeTooSkewed" => StsErrors.RequestExpired,
        "AuthorizationHeaderMalformed" when exception.Details.Any(d => d.Key == "Region") =>
            StsErrors.WrongRegion(exception.Error.Message.Split('\'') is [_, var region, ..] ? region : ""),
        _ => StsErrors.IncompleteSignature(exception.Error.Message),
    };
}
