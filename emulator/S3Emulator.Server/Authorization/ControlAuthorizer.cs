using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Decides an S3 Control request from <see cref="ControlOperationActions"/>. The S3 Control API takes no
/// anonymous and no cross-account calls (AWS: "APIs that control access point functionality don't support
/// cross-account calls"): the caller must sign for the account it names.
/// </summary>
/// <remarks>Interim: identity policies of IAM users are evaluated once the shared AccessAuthorizer is wired in.</remarks>
internal sealed class ControlAuthorizer
{
    public void Authorize(ServiceExchange exchange, S3Principal? principal, ControlOperation operation, string accountId)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        _ = ControlOperationActions.Table[operation];
        if (principal is null || principal.AccountId != accountId) throw new S3Exception(S3Errors.AccessDenied);
    }
}
