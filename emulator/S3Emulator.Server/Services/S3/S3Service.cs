using System.Security.Cryptography;
using System.Text;
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

    public string NewRequestId() => Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 8));

    public async Task ServeAsync(ServiceExchange exchange)
    {
        var context = exchange.Http;
        StampIds(exchange);
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
        var s3Exception = failure as S3Exception ?? Translate(failure, exchange.Operation);
        StampIds(exchange);
        var error = S3ErrorResult.From(s3Exception, exchange.Resource ?? exchange.RawTarget, exchange.RequestId, HostIdOf(exchange.RequestId));
        await S3ResultWriter.WriteAsync(context, error).ConfigureAwait(false);
        return s3Exception.Error.Code;
    }

    /// <summary>Sets <c>x-amz-request-id</c> and <c>x-amz-id-2</c> (again after an error cleared the response).</summary>
    private static void StampIds(ServiceExchange exchange)
    {
        var headers = exchange.Http.Response.Headers;
        headers[S3Headers.RequestId] = exchange.RequestId;
        headers[S3Headers.HostId] = HostIdOf(exchange.RequestId);
    }

    /// <summary>The opaque <c>x-amz-id-2</c> paired with a request id: derived from it, so both answers of one request agree.</summary>
    private static string HostIdOf(string requestId) => Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(requestId)));

    private S3Exception Translate(Exception exception, string operation)
    {
        switch (exception)
        {
            case BadHttpRequestException:
                // Only reading the request throws it: the client sent fewer bytes than it announced.
                return new S3Exception(S3Errors.IncompleteBody);
            default:
                // A failed read of the client's body is IncompleteBody already (ClientRequestBody): an IOException
                // here is the server's own (disk full, permissions), logged and answered as S3 answers its own faults.
                Log.UnhandledFailure(logger, exception, operation);
                return new S3Exception(S3Errors.InternalError);
        }
    }
}
