using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Auth.SigV4;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// S3 Object Lambda: requests to an Object Lambda access point (by ARN host <c>{name}-{account}</c>, signed as
/// <c>s3-object-lambda</c>, or by its <c>--ol-s3</c> alias) and the functions' <c>POST /WriteGetObjectResponse</c>.
/// Classify, authenticate, resolve the access point, enforce the documented rules (signed, HTTPS, no SSE-C), authorize,
/// then either run the configured transformation or pass the request to the supporting access point untransformed.
/// Failures are rendered as S3's XML error, as Object Lambda answers.
/// </summary>
internal sealed class ObjectLambdaService(
    S3RequestClassifier classifier,
    RequestAuthenticator authenticator,
    IAccountStore accounts,
    ObjectLambdaAuthorizer authorizer,
    TransformedRequests transformed,
    WriteGetObjectResponseHandler writeGetObjectResponse,
    S3Service s3,
    ILogger<ObjectLambdaService> logger) : IEmulatorService
{
    public ServiceKind Kind => ServiceKind.ObjectLambda;

    public string NewRequestId() => S3ResponseIds.NewRequestId();

    public Task ServeAsync(ServiceExchange exchange)
    {
        S3ResponseIds.Stamp(exchange);
        return WriteGetObjectResponseHandler.Matches(exchange.Http.Request.Method, exchange.RawTarget)
            ? writeGetObjectResponse.HandleAsync(exchange)
            : ServeThroughAccessPointAsync(exchange);
    }

    private async Task ServeThroughAccessPointAsync(ServiceExchange exchange)
    {
        var http = exchange.Http;
        // Pass-through uploads may be as large as S3 takes them.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var request = classifier.Classify(http.Request.Method, http.Request.Host.Value ?? "", exchange.RawTarget,
            http.Request.Headers.ContainsKey(Protocol.S3Headers.CopySource));
        exchange.Operation = request.Operation.ToString();
        exchange.Key = request.Key;
        exchange.Resource = request.Resource;
        var principal = authenticator.Authenticate(http, exchange.RawTarget);
        exchange.Principal = principal;
        if (request.Operation == S3Operation.Unknown) throw new S3Exception(S3Errors.MethodNotAllowed);

        var olap = await ResolveAsync(request, http.RequestAborted).ConfigureAwait(false);
        // The documented rules come before anything else is looked at (AWS's "Security considerations for Object Lambda").
        if (principal is null) throw new S3Exception(S3Errors.ObjectLambdaAnonymous);
        if (!http.Request.IsHttps) throw new S3Exception(S3Errors.ObjectLambdaRequiresHttps);
        var action = ActionOf(request.Operation);
        if (action is ObjectLambdaAction.GetObject or ObjectLambdaAction.HeadObject && CarriesCustomerKey(http.Request))
        {
            throw new S3Exception(S3Errors.ObjectLambdaSseC);
        }

        var supporting = await SupportingAccessPointAsync(olap, http.RequestAborted).ConfigureAwait(false);
        exchange.Bucket = supporting.Bucket;
        authorizer.AuthorizeAccessPoint(exchange, principal, olap, request.Operation, IsPresigned(exchange.RawTarget));

        var transformation = action is { } a ? olap.Configuration.TransformationFor(a) : null;
        if (transformation is null)
        {
            await PassThroughAsync(exchange, request, principal, supporting).ConfigureAwait(false);
            return;
        }
        var call = new TransformedRequest(exchange, request, principal, olap, supporting, transformation, action!.Value);
        await transformed.ServeAsync(call).ConfigureAwait(false);
    }

    /// <summary>Actions the configuration does not transform reach the supporting access point as called via S3 Object Lambda.</summary>
    private Task PassThroughAsync(ServiceExchange exchange, S3Request request, S3Principal principal, AccessPoint supporting)
    {
        if (!AccessPointResolver.Supported.Contains(request.Operation)) throw new S3Exception(S3Errors.NotSupportedThroughAccessPoint);
        exchange.Principal = principal with
        {
            Forwarded = new Core.Identity.ForwardedAccess(
                principal.Identity.Kind, principal.Arn, principal.Identity.UserName, ObjectLambdaAuthorizer.ServicePrincipal,
                Core.Identity.ForwardedAccess.AnyResource),
        };
        return s3.ServeResolvedAsync(exchange, request with { Bucket = supporting.Bucket, AccessPoint = supporting });
    }

    private async Task<ObjectLambdaAccessPoint> ResolveAsync(S3Request request, CancellationToken cancellationToken)
    {
        var label = request.Bucket ?? throw new S3Exception(S3Errors.NoSuchObjectLambdaAccessPoint);
        ObjectLambdaAccessPoint? olap = null;
        if (ObjectLambdaAccessPointAlias.IsAlias(label))
        {
            olap = await accounts.GetObjectLambdaAccessPointByAliasAsync(label, cancellationToken).ConfigureAwait(false);
        }
        else if (request.VirtualHosted && AccessPointHosts.TrySplitLabel(label, out var name, out var accountId))
        {
            olap = await accounts.GetObjectLambdaAccessPointAsync(accountId, name, cancellationToken).ConfigureAwait(false);
        }
        return olap ?? throw new S3Exception(S3Errors.NoSuchObjectLambdaAccessPoint, S3Exception.Detail("AccessPointName", label));
    }

    // It may have been deleted since the Object Lambda access point was configured over it.
    private async Task<AccessPoint> SupportingAccessPointAsync(ObjectLambdaAccessPoint olap, CancellationToken cancellationToken)
    {
        var name = olap.Configuration.SupportingAccessPointName();
        return await accounts.GetAccessPointAsync(olap.AccountId, name, cancellationToken).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", name));
    }

    private static ObjectLambdaAction? ActionOf(S3Operation operation) => operation switch
    {
        S3Operation.GetObject => ObjectLambdaAction.GetObject,
        S3Operation.HeadObject => ObjectLambdaAction.HeadObject,
        S3Operation.ListObjects => ObjectLambdaAction.ListObjects,
        S3Operation.ListObjectsV2 => ObjectLambdaAction.ListObjectsV2,
        _ => null,
    };

    private static bool CarriesCustomerKey(HttpRequest request) =>
        request.Headers.Keys.Any(name => name.StartsWith("x-amz-server-side-encryption-customer-", StringComparison.OrdinalIgnoreCase));

    private static bool IsPresigned(string rawTarget) => PresignedSigV4Verifier.IsPresigned(RequestTarget.Parse(rawTarget));

    public async Task<string> WriteErrorAsync(ServiceExchange exchange, Exception failure)
    {
        var s3Exception = S3Failures.Translate(failure, logger, exchange.Operation);
        S3ResponseIds.Stamp(exchange);
        var error = S3ErrorResult.From(s3Exception, exchange.Resource ?? exchange.RawTarget, exchange.RequestId, S3ResponseIds.HostIdOf(exchange.RequestId));
        await S3ResultWriter.WriteAsync(exchange.Http, error).ConfigureAwait(false);
        return s3Exception.Error.Code;
    }
}
