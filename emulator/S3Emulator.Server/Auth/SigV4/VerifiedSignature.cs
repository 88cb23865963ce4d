using S3Emulator.Core.Identity;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// A request signature that checked out, with what aws-chunked verification chains from:
/// the seed signature, the scope, the timestamp and the derived signing key (kept in memory only). A request signed
/// with session credentials carries the session's claims.
/// </summary>
internal sealed record VerifiedSignature(
    S3Credential Credential,
    CredentialScope Scope,
    string AmzDate,
    string Signature,
    byte[] SigningKey,
    string PayloadHash,
    bool IsPresigned,
    SessionClaims? Session = null);
