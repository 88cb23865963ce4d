using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.Control.Handlers;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// The S3 Control API (<c>/v20180820/…</c>, signed as <c>s3</c>): classify, authenticate, authorize for the account
/// in <c>x-amz-account-id</c>, dispatch, write. Every failure is rendered here, and only here, as S3 Control's
/// <c>ErrorResponse</c>.
/// </summary>
internal sealed class ControlService(
    S3EmulatorOptions options,
    RequestAuthenticator authenticator,
    ControlAuthorizer authorizer,
    IAccountStore accounts,
    IObjectStore store,
    TimeProvider time,
    ILogger<ControlService> logger) : IEmulatorService
{
    public ServiceKind Kind => ServiceKind.S3Control;

    public string NewRequestId() => S3ResponseIds.NewRequestId();

    public async Task ServeAsync(ServiceExchange exchange)
    {
        var http = exchange.Http;
        S3ResponseIds.Stamp(exchange);
        var request = ControlRequestClassifier.Classify(http.Request.Method, exchange.RawTarget, http.Request.Headers["x-amz-account-id"].FirstOrDefault());
        exchange.Operation = request.Operation.ToString();
        exchange.Resource = request.Name;
        exchange.Principal = authenticator.Authenticate(http, exchange.RawTarget);
        if (request.Operation == ControlOperation.Unknown)
        {
            throw new S3Exception(S3Errors.NotImplemented($"{http.Request.Method} /v20180820/{request.Path}"));
        }
        var accountId = request.AccountId ?? throw new S3Exception(S3Errors.MissingAccountId);
        authorizer.Authorize(exchange, exchange.Principal, request, accountId);
        var context = new ControlContext(http, request, accountId, exchange.Principal, accounts, store, options, time);
        var result = await DispatchAsync(context).ConfigureAwait(false);
        await S3ResultWriter.WriteAsync(http, result).ConfigureAwait(false);
    }

    /// <summary>The one switch from operation to handler; <see cref="ControlRequestClassifier"/> yields nothing else.</summary>
    internal static Task<S3Result> DispatchAsync(ControlContext context) => context.Request.Operation switch
    {
        ControlOperation.CreateAccessPoint => AccessPointHandlers.CreateAccessPointAsync(context),
        ControlOperation.GetAccessPoint => AccessPointHandlers.GetAccessPointAsync(context),
        ControlOperation.DeleteAccessPoint => AccessPointHandlers.DeleteAccessPointAsync(context),
        ControlOperation.ListAccessPoints => AccessPointHandlers.ListAccessPointsAsync(context),
        ControlOperation.PutAccessPointPolicy => AccessPointPolicyHandlers.PutAccessPointPolicyAsync(context),
        ControlOperation.GetAccessPointPolicy => AccessPointPolicyHandlers.GetAccessPointPolicyAsync(context),
        ControlOperation.DeleteAccessPointPolicy => AccessPointPolicyHandlers.DeleteAccessPointPolicyAsync(context),
        ControlOperation.GetAccessPointPolicyStatus => AccessPointPolicyHandlers.GetAccessPointPolicyStatusAsync(context),
        ControlOperation.PutPublicAccessBlock => AccountPublicAccessBlockHandlers.PutPublicAccessBlockAsync(context),
        ControlOperation.GetPublicAccessBlock => AccountPublicAccessBlockHandlers.GetPublicAccessBlockAsync(context),
        ControlOperation.DeletePublicAccessBlock => AccountPublicAccessBlockHandlers.DeletePublicAccessBlockAsync(context),
        ControlOperation.CreateAccessPointForObjectLambda => ObjectLambdaAccessPointHandlers.CreateAccessPointForObjectLambdaAsync(context),
        ControlOperation.GetAccessPointForObjectLambda => ObjectLambdaAccessPointHandlers.GetAccessPointForObjectLambdaAsync(context),
        ControlOperation.DeleteAccessPointForObjectLambda => ObjectLambdaAccessPointHandlers.DeleteAccessPointForObjectLambdaAsync(context),
        ControlOperation.ListAccessPointsForObjectLambda => ObjectLambdaAccessPointHandlers.ListAccessPointsForObjectLambdaAsync(context),
        ControlOperation.GetAccessPointConfigurationForObjectLambda =>
            ObjectLambdaAccessPointHandlers.GetAccessPointConfigurationForObjectLambdaAsync(context),
        ControlOperation.PutAccessPointConfigurationForObjectLambda =>
            ObjectLambdaAccessPointHandlers.PutAccessPointConfigurationForObjectLambdaAsync(context),
        ControlOperation.PutAccessPointPolicyForObjectLambda => ObjectLambdaAccessPointPolicyHandlers.PutAccessPointPolicyForObjectLambdaAsync(context),
        ControlOperation.GetAccessPointPolicyForObjectLambda => ObjectLambdaAccessPointPolicyHandlers.GetAccessPointPolicyForObjectLambdaAsync(context),
        ControlOperation.DeleteAccessPointPolicyForObjectLambda =>
            ObjectLambdaAccessPointPolicyHandlers.DeleteAccessPointPolicyForObjectLambdaAsync(context),
        ControlOperation.GetAccessPointPolicyStatusForObjectLambda =>
            ObjectLambdaAccessPointPolicyHandlers.GetAccessPointPolicyStatusForObjectLambdaAsync(context),
        _ => throw new S3Exception(S3Errors.NotImplemented(context.Request.Operation.ToString())),
    };

    public async Task<string> WriteErrorAsync(ServiceExchange exchange, Exception failure)
    {
        var s3Exception = S3Failures.Translate(failure, logger, exchange.Operation);
        S3ResponseIds.Stamp(exchange);
        var error = ControlErrorResult.From(s3Exception, exchange.RequestId, S3ResponseIds.HostIdOf(exchange.RequestId));
        await S3ResultWriter.WriteAsync(exchange.Http, error).ConfigureAwait(false);
        return s3Exception.Error.Code;
    }
}
