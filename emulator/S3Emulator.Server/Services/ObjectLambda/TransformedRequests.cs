using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Model;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// Runs a transformation: checks the Range/partNumber features, the caller's <c>lambda:InvokeFunction</c>, mints the
/// <c>inputS3Url</c>, writes the event and invokes the function. A GET's answer arrives through WriteGetObjectResponse
/// (<see cref="OutputRoutes"/>), streamed to the caller as it comes; HEAD and List answers are the function's return value.
/// </summary>
internal sealed class TransformedRequests(
    S3EmulatorOptions options,
    ObjectLambdaAuthorizer authorizer,
    ForwardedCredentials credentials,
    OutputRoutes routes,
    IFunctionInvoker functions,
    FunctionRegistry registry,
    TimeProvider time)
{
    // How long a caller whose answer is written waits for the function to end, only so the journal can say how it ended.
    private static readonly TimeSpan EndGrace = TimeSpan.FromSeconds(2);

    public async Task ServeAsync(TransformedRequest call)
    {
        EnsureFeaturesAllowed(call);
        var olap = call.AccessPoint;
        // The control plane accepted the name, so it parses; partial names are in the access point's region and account.
        var function = FunctionReference.TryParse(call.Transformation.FunctionArn, options.Region, olap.AccountId, out var parsed)
            ? parsed
            : throw new S3Exception(S3Errors.LambdaNotFound);
        var functionArn = function.Arn;
        var functionPolicy = registry.TryResolve(call.Transformation.FunctionArn, options.Region, olap.AccountId, out var registered)
            ? registered.Function.Policy
            : null;
        authorizer.AuthorizeInvoke(call.Exchange, call.Principal, functionArn, function.AccountId, functionPolicy);
        var http = call.Exchange.Http;
        var publicUrl = FunctionPublicUrl.For(http.Request, options);
        if (call.Action == ObjectLambdaAction.GetObject)
        {
            await ServeGetAsync(call, functionArn, publicUrl).ConfigureAwait(false);
            return;
        }
        var eventJson = EventFor(call, InputS3Url(call, publicUrl), output: null);
        var response = await functions.InvokeAsync(call.Transformation.FunctionArn, eventJson, publicUrl, http.RequestAborted).ConfigureAwait(false);
        call.Exchange.Invocation = RecordOf(response, wgorStatus: null);
        if (response.Outcome != FunctionOutcome.Returned) throw FunctionFailures.For(response);
        var result = call.Action == ObjectLambdaAction.HeadObject
            ? FunctionAnswers.Head(response.PayloadJson)
            : FunctionAnswers.List(response.PayloadJson);
        await S3ResultWriter.WriteAsync(http, result).ConfigureAwait(false);
    }

    private async Task ServeGetAsync(TransformedRequest call, string functionArn, Uri publicUrl)
    {
        var http = call.Exchange.Http;
        var pending = routes.Open(call.Exchange, call.AccessPoint.AccountId, call.AccessPoint.Arn(options.Region));
        var eventJson = EventFor(call, InputS3Url(call, publicUrl), (pending.Route, pending.Token));
        var started = time.GetTimestamp();
        var invocation = functions.InvokeAsync(call.Transformation.FunctionArn, eventJson, publicUrl, http.RequestAborted);
        await Task.WhenAny(invocation, pending.Claimed).ConfigureAwait(false);
        if (!pending.Claimed.IsCompleted && routes.TryClose(pending))
        {
            var response = await invocation.ConfigureAwait(false);
            call.Exchange.Invocation = RecordOf(response, wgorStatus: null);
            throw FunctionFailures.For(response);
        }
        try
        {
            // The answer is streaming to the caller. A function that ends (returns, fails, times out) before its
            // WriteGetObjectResponse has finished leaves the caller a truncated answer, as Lambda's end cuts it off.
            await Task.WhenAny(pending.Delivered, invocation).ConfigureAwait(false);
            if (!pending.Delivered.IsCompleted) await WithinGraceAsync(pending.Delivered).ConfigureAwait(false);
            if (!pending.Delivered.IsCompleted) throw new TimeoutException("The function ended before its WriteGetObjectResponse finished.");
            await pending.Delivered.ConfigureAwait(false);
        }
        finally
        {
            // Only for the journal: how the function ended, if it ends soon after its answer.
            await WithinGraceAsync(invocation).ConfigureAwait(false);
            call.Exchange.Invocation = invocation.IsCompletedSuccessfully
                ? RecordOf(invocation.Result, pending.ForwardedStatus)
                : new ObjectLambdaInvocationRecord(functionArn, null, null, time.GetElapsedTime(started), pending.ForwardedStatus);
        }
    }

    // Waits at most EndGrace for the task, whatever its outcome; the timer ends with the task.
    private async Task WithinGraceAsync(Task task) =>
        await task.WaitAsync(EndGrace, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private string InputS3Url(TransformedRequest call, Uri publicUrl)
    {
        var supportingArn = call.Supporting.Arn(options.Region);
        var isList = call.Action is ObjectLambdaAction.ListObjects or ObjectLambdaAction.ListObjectsV2;
        var key = isList ? null : call.Request.Key;
        var resource = isList ? supportingArn : $"{supportingArn}/object/{key}";
        var minted = credentials.Mint(call.Principal.Identity, ObjectLambdaAuthorizer.ServicePrincipal, resource, InputS3UrlSigner.Lifetime);
        // A listing's URL carries all of the caller's query; GET and HEAD carry only versionId (Range and partNumber never).
        var query = isList
            ? call.Request.Query.All
            : call.Request.Query.All.Where(p => p.Key == "versionId");
        return InputS3UrlSigner.Presign(
            publicUrl, call.Supporting.Alias, key, query, (minted.AccessKeyId, minted.SecretAccessKey, minted.SessionToken),
            call.Action == ObjectLambdaAction.HeadObject ? "HEAD" : "GET", options.Region, time.GetUtcNow());
    }

    private string EventFor(TransformedRequest call, string inputS3Url, (string, string)? output) =>
        ObjectLambdaEventWriter.Write(
            call.Exchange.RequestId, call.Action, inputS3Url, output, call.AccessPoint.Arn(options.Region),
            call.AccessPoint.Configuration.SupportingAccessPoint, call.Transformation.FunctionPayload,
            call.Exchange.Http.Request, call.Exchange.RawTarget, call.Principal);

    /// <summary>Range and partNumber pass only when the access point's AllowedFeatures name them; S3 answers 501 otherwise.</summary>
    private static void EnsureFeaturesAllowed(TransformedRequest call)
    {
        var allowed = call.AccessPoint.Configuration.AllowedFeatures;
        var isGet = call.Action == ObjectLambdaAction.GetObject;
        if (call.Action is not (ObjectLambdaAction.GetObject or ObjectLambdaAction.HeadObject)) return;
        if (call.Exchange.Http.Request.Headers.ContainsKey("Range")
            && !allowed.Contains(isGet ? ObjectLambdaAllowedFeature.GetObjectRange : ObjectLambdaAllowedFeature.HeadObjectRange))
        {
            throw new S3Exception(S3Errors.ObjectLambdaFeatureNotAllowed(isGet ? "GetObject-Range" : "HeadObject-Range"));
        }
        if (call.Request.Query.Has("partNumber")
            && !allowed.Contains(isGet ? ObjectLambdaAllowedFeature.GetObjectPartNumber : ObjectLambdaAllowedFeature.HeadObjectPartNumber))
        {
            throw new S3Exception(S3Errors.ObjectLambdaFeatureNotAllowed(isGet ? "GetObject-PartNumber" : "HeadObject-PartNumber"));
        }
    }

    private static ObjectLambdaInvocationRecord RecordOf(FunctionResponse response, int? wgorStatus) =>
        new(response.FunctionArn, response.HostKind, response.Outcome.ToString(), response.Duration, wgorStatus);
}
