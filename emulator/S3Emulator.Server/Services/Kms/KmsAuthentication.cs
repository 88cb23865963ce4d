using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Kms;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Services.Kms;

/// <summary>
/// SigV4 for the KMS JSON API: the shared verifier with service <c>kms</c> and the body's own hash, and its
/// failures in the words AWS's JSON services use instead of S3's XML codes.
/// </summary>
internal sealed class KmsAuthentication(RequestAuthenticator authenticator, string region)
{
    public const string SigningName = "kms";

    /// <summary>The caller, or a <see cref="KmsException"/>; KMS has no anonymous access.</summary>
    public S3Principal Authenticate(HttpContext context, string rawTarget, byte[] body)
    {
        var authorization = RequestHeaders.Get(context.Request, "authorization");
        if (string.IsNullOrEmpty(authorization))
        {
            // AWS's JSON services answer an unsigned request this way; the status (400, not 403) is unconfirmed for KMS.
            throw new KmsException("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        try
        {
            EnsureScope(AuthorizationHeader.Parse(authorization).Credential);
            var hash = Convert.ToHexStringLower(SHA256.HashData(body));
            return authenticator.AuthenticateBuffered(context, rawTarget, SigningName, hash)
                ?? throw new KmsException("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        catch (S3Exception exception)
        {
            throw Translate(exception);
        }
    }

    // Checked here, before the shared verifier, so that the messages are the ones KMS gives.
    private void EnsureScope(CredentialScope scope)
    {
        if (scope.Service != SigningName)
        {
            throw new KmsException("InvalidSignatureException", $"Credential should be scoped to correct service: '{SigningName}'. ");
        }

        if (scope.Region != region)
        {
            throw new KmsException("InvalidSignatureException", "Credential should be scoped to a valid region. ");
        }
    }

    private static KmsException Translate(S3Exception exception) => exception.Error.Code switch
    {
        "InvalidAccessKeyId" or "InvalidToken" => new KmsException("UnrecognizedClientException", "The security token included in the request is invalid."),
        "ExpiredToken" => new KmsException("ExpiredTokenException", "The security token included in the request is expired"),
        "SignatureDoesNotMatch" => new KmsException("InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details."),
        "RequestTimeTooSkewed" => new KmsException("InvalidSignatureException",
            "Signature expired: the request time is more than 15 minutes away from the server time."),
        _ => new KmsException("IncompleteSignatureException", exception.Error.Message),
    };
}
