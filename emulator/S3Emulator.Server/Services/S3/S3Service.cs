using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3;

/// <summary>
/// Amazon S3's REST API: classify the raw target, authenticate, resolve the bucket, authorize, dispatch to a handler
/// that does no access checks of its own, write the result. Every
/// failure is rendered here, and only here, as S3's XML error.
/// </summary>
internal sealed class S3Service(
    S3EmulatorOptions options,
    S3RequestClassifier classifier,
    RequestAuthenticator authenticator,
    IObjectStore store,
    IAccountStore accounts,
    AccessPointResolver accessPoints,
    ObjectEncryptor encryptor,
    S3RequestAuthorizer authorizer,
    TimeProvider time,
    ILogger<S3Service> logger) : IEmulatorService
{
    public ServiceKind Kind => ServiceKind.S3;

    public string NewRequestId() => S3ResponseIds.NewRequestId();

    public async Task ServeAsync(ServiceExchange exchange)
    {
        var context = exchange.Http;
        S3ResponseIds.Stamp(exchange);
        // S3 takes single PUTs of up to 5 GiB; Kestrel's 30 MB default would cut them off.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;

        var request = classifier.Classify(context.Request.Method, context.Request.Host.Value ?? "", exchange.RawTarget,
            context.Request.Headers.ContainsKey(S3Headers.CopySource));
        exchange.Operation = request.Operation.ToString();
        exchange.Bucket = request.Bucket;
        exchange.Key = request.Key;
        exchange.Resource = request.Resource;
        // SigV2 signs the host's bucket label, so authentication sees the request as addressed; then the access point resolves.
        exchange.Principal = authenticator.Authenticate(context, exchange.RawTarget, request.VirtualHosted ? request.Bucket : null);
        if (request.Operation == S3Operation.Unknown) throw new S3Exception(S3Errors.MethodNotAllowed);
        request = await accessPoints.ResolveAsync(request, context.Request.Host.Value ?? "", context.RequestAborted).ConfigureAwait(false);
        await ServeResolvedAsync(exchange, request).ConfigureAwait(false);
    }

    /// <summary>
    /// Serves a classified request whose caller (<see cref="ServiceExchange.Principal"/>) is authenticated and whose access
    /// point, if any, is resolved: also what S3 Object Lambda passes the actions it does not transform to.
    /// </summary>
    public async Task ServeResolvedAsync(ServiceExchange exchange, S3Request request)
    {
        var context = exchange.Http;
        exchange.Bucket = request.Bucket;
        var s3Context = new S3RequestContext(exchange, request, exchange.Principal, store, options, time, encryptor, accounts)
        {
            ResolvedBucket = await S3BucketResolver.ResolveAsync(store, request, context.RequestAborted).ConfigureAwait(false),
        };
        await authorizer.AuthorizeAsync(s3Context).ConfigureAwait(false);
        var result = await S3Dispatcher.DispatchAsync(s3Context).ConfigureAwait(false);
        await S3ResultWriter.WriteAsync(context, result).ConfigureAwait(false);
    }

    public async Task<string> WriteErrorAsync(ServiceExchange exchange, Exception failure)
    {
        var context = exchange.Http;
        var s3Exception = S3Failures.Translate(failure, logger, exchange.Operation);
        S3ResponseIds.Stamp(exchange);
        var error = S3ErrorResult.From(s3Exception, exchange.Resource ?? exchange.RawTarget, exchange.RequestId, S3ResponseIds.HostIdOf(exchange.RequestId));
        await S3ResultWriter.WriteAsync(context, error).ConfigureAwait(false);
        return s3Exception.Error.Code;
    }
}
