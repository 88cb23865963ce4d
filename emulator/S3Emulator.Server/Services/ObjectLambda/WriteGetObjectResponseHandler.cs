using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// <c>POST /WriteGetObjectResponse</c> (with or without the <c>{route}.</c> host prefix): a function answers the GET
/// that invoked it. Checked in this order: signature, route and token (constant time), the function's
/// <c>s3-object-lambda:WriteGetObjectResponse</c> in the access point's account, the forwarded headers; then the route is
/// claimed (once) and the body is streamed to the waiting caller as it arrives.
/// </summary>
internal sealed class WriteGetObjectResponseHandler(RequestAuthenticator authenticator, ObjectLambdaAuthorizer authorizer, OutputRoutes routes)
{
    private const string Path = "/WriteGetObjectResponse";

    public static bool Matches(string method, string rawTarget) =>
        HttpMethods.IsPost(method) && (rawTarget == Path || rawTarget.StartsWith(Path + "?", StringComparison.Ordinal));

    public async Task HandleAsync(ServiceExchange exchange)
    {
        var http = exchange.Http;
        exchange.Operation = "WriteGetObjectResponse";
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var principal = authenticator.Authenticate(http, exchange.RawTarget);
        exchange.Principal = principal;
        var route = http.Request.Headers["x-amz-request-route"].ToString();
        var token = http.Request.Headers["x-amz-request-token"].ToString();
        var pending = route.Length == 0 || token.Length == 0 ? null : routes.Find(route, token);
        if (pending is null) throw new S3Exception(S3Errors.InvalidRequestToken);

        authorizer.AuthorizeWriteGetObjectResponse(exchange, principal, pending.AccessPointArn, pending.AccountId);
        if (principal!.AccountId != pending.AccountId)
        {
            throw new S3Exception(S3Errors.AccessDeniedBecause(
                $"User: {principal.Arn} is not authorized to perform: s3-object-lambda:WriteGetObjectResponse: the function must answer from the Object Lambda access point's account"));
        }
        var forwarded = ForwardedResponseHeaders.Read(http.Request);
        if (!routes.TryClaim(pending)) throw new S3Exception(S3Errors.InvalidRequestToken);

        pending.ForwardedStatus = forwarded.Status;
        try
        {
            await DeliverAsync(pending, forwarded, http.Request).ConfigureAwait(false);
            pending.MarkDelivered();
        }
        catch (Exception failure)
        {
            pending.MarkFailed(failure);
            throw;
        }
        await S3ResultWriter.WriteAsync(http, S3Result.Empty()).ConfigureAwait(false);
    }

    /// <summary>Writes the forwarded answer to the caller: an S3 error when the function names one, else status, headers and body.</summary>
    private static Task DeliverAsync(PendingGetResponse pending, ForwardedResponse forwarded, HttpRequest answer)
    {
        var exchange = pending.Caller;
        var caller = exchange.Http;
        S3Result result;
        if (forwarded.ErrorCode is { } code)
        {
            var error = new S3Exception(S3Errors.FunctionAnswered(code, forwarded.Status, forwarded.ErrorMessage ?? ""));
            // An error is S3's XML: the forwarded headers (the SDK always sends a Content-Type) describe no object.
            return S3ResultWriter.WriteAsync(caller, S3ErrorResult.From(
                error, exchange.Resource ?? exchange.RawTarget, exchange.RequestId, S3ResponseIds.HostIdOf(exchange.RequestId)));
        }
        else if (forwarded.Status == 304)
        {
            result = S3Result.Headless(304);
        }
        else
        {
            // The function's body goes to the caller as it arrives; the caller's cancellation stops the copy.
            result = S3Result.Stream(forwarded.Status, answer.ContentLength, (destination, cancellationToken) =>
                answer.Body.CopyToAsync(destination, cancellationToken));
        }
        foreach (var (name, value) in forwarded.Headers) result.Headers[name] = value;
        return S3ResultWriter.WriteAsync(caller, result);
    }
}
