using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// The decisions S3 Object Lambda makes itself (object-lambda.md §5; AWS's "Configuring IAM policies for Object Lambda
/// access points"): the caller's <c>s3-object-lambda:*</c> action on the Object Lambda access point (its policy and the
/// caller's), <c>lambda:InvokeFunction</c> on the function as called via S3 Object Lambda, and the function's
/// <c>s3-object-lambda:WriteGetObjectResponse</c>. The S3 action through the supporting access point is decided by S3
/// when the function (or the pass-through) reaches it, with <c>aws:CalledVia</c>.
/// </summary>
internal sealed class ObjectLambdaAuthorizer(AccessAuthorizer access, PolicyCache policies, S3EmulatorOptions options, TimeProvider time)
{
    /// <summary>The service principal S3 Object Lambda calls other services as (<c>aws:CalledVia</c>).</summary>
    public const string ServicePrincipal = "s3-object-lambda.amazonaws.com";

    /// <summary>The Object Lambda action a request needs on the access point: GET and HEAD need GetObject, listings ListBucket.</summary>
    public static string ActionFor(S3Operation operation) => operation switch
    {
        S3Operation.GetObject or S3Operation.HeadObject => "s3-object-lambda:GetObject",
        S3Operation.ListObjects or S3Operation.ListObjectsV2 => "s3-object-lambda:ListBucket",
        _ => "s3-object-lambda:" + S3OperationActions.All[operation].Action["s3:".Length..],
    };

    public void AuthorizeAccessPoint(ServiceExchange exchange, S3Principal principal, ObjectLambdaAccessPoint olap, S3Operation operation, bool presigned)
    {
        var keys = AccessAuthorizer.ContextKeys(exchange, principal, time)
            .Set("s3-object-lambda:AuthType", presigned ? "REST-QUERY-STRING" : "REST-HEADER");
        if (keys.Get("s3:TlsVersion") is { } tls) keys.Set("s3-object-lambda:TlsVersion", tls);
        IReadOnlyList<AttachedPolicy> olapPolicy = olap.Policy is null
            ? []
            : [new AttachedPolicy(PolicyKind.ObjectLambdaAccessPoint, $"Object Lambda access point policy of {olap.Name}", policies.Get(olap.Policy))];
        access.Authorize(exchange, principal, ActionFor(operation), [new ResourceCheck(olap.Arn(options.Region), olap.AccountId, olapPolicy)], keys);
    }

    /// <summary>
    /// The caller's <c>lambda:InvokeFunction</c> as called via S3 Object Lambda: its identity policies, and the function's
    /// resource policy (<paramref name="functionPolicy"/>), which is what lets a caller of another account invoke it.
    /// </summary>
    public void AuthorizeInvoke(ServiceExchange exchange, S3Principal principal, string functionArn, string functionAccountId, string? functionPolicy)
    {
        var keys = CalledVia(AccessAuthorizer.ContextKeys(exchange, principal, time));
        const string action = "lambda:InvokeFunction";
        IReadOnlyList<AttachedPolicy> resourcePolicy = functionPolicy is null
            ? []
            : [new AttachedPolicy(PolicyKind.Function, $"function policy of {functionArn}", policies.Get(functionPolicy))];
        var decision = access.Decide(principal, action, [new ResourceCheck(functionArn, functionAccountId, resourcePolicy)], keys);
        exchange.Decisions.Add(new RecordedDecision(action, decision));
        if (decision.IsAllowed) return;
        var because = AccessDeniedMessage.For(decision, principal.Arn, action, functionArn, options.ExplainDenials);
        throw new S3Exception(S3Errors.LambdaPermissionErrorBecause(because));
    }

    /// <summary>The function's <c>s3-object-lambda:WriteGetObjectResponse</c>, on the Object Lambda access point that awaits it.</summary>
    public void AuthorizeWriteGetObjectResponse(ServiceExchange exchange, S3Principal? principal, string olapArn, string olapAccountId)
    {
        var keys = AccessAuthorizer.ContextKeys(exchange, principal, time);
        access.Authorize(exchange, principal, "s3-object-lambda:WriteGetObjectResponse", [new ResourceCheck(olapArn, olapAccountId, [])], keys);
    }

    private static RequestContextKeys CalledVia(RequestContextKeys keys) => keys
        .Set("aws:CalledVia", [ServicePrincipal])
        .Set("aws:CalledViaFirst", ServicePrincipal)
        .Set("aws:CalledViaLast", ServicePrincipal);
}
