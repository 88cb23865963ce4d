using S3Emulator.Core.Errors;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Decides an S3 Control request from <see cref="ControlOperationActions"/> with the caller's identity policies. The
/// S3 Control API takes no anonymous and no cross-account calls (AWS: "APIs that control access point functionality
/// don't support cross-account calls"): the caller must sign for the account it names.
/// </summary>
internal sealed class ControlAuthorizer(AccessAuthorizer access, S3EmulatorOptions options, TimeProvider time)
{
    public void Authorize(ServiceExchange exchange, S3Principal? principal, ControlRequest request, string accountId)
    {
        if (principal is null || principal.AccountId != accountId) throw new S3Exception(S3Errors.AccessDenied);
        var action = ControlOperationActions.Table[request.Operation];
        var resource = ControlOperationActions.ResourceArn(action, options.Region, accountId, request.Name);
        access.Authorize(exchange, principal, action.Action, [new ResourceCheck(resource, accountId, [])],
            AccessAuthorizer.ContextKeys(exchange, principal, time), namesResource: resource != "*");
    }
}
