using S3Emulator.Core.Errors;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Decides one action on one or more resources for the caller, the way IAM does (the policy engine), records the
/// decision on the exchange for the journal, and refuses with AWS's AccessDenied message — naming the deciding
/// policy and statement when <see cref="S3EmulatorOptions.ExplainDenials"/> is on. Every service asks it; no handler
/// decides access on its own.
/// </summary>
internal sealed class AccessAuthorizer(S3EmulatorOptions options, CallerPolicies callers)
{
    /// <summary>Returns the allowing decision, or throws S3's AccessDenied.</summary>
    /// <param name="namesResource">False for actions without a resource of their own (s3:ListAllMyBuckets), whose
    /// denial AWS words without "on resource".</param>
    public AuthorizationDecision Authorize(
        ServiceExchange exchange, S3Principal? principal, string action, IReadOnlyList<ResourceCheck> resources, RequestContextKeys keys,
        bool namesResource = true)
    {
        var decision = Decide(principal, action, resources, keys);
        exchange.Decisions.Add(new RecordedDecision(action, decision));
        if (decision.IsAllowed) return decision;
        var message = AccessDeniedMessage.For(decision, principal?.Arn ?? "anonymous", action, namesResource ? decision.ResourceArn : null,
            options.ExplainDenials);
        throw new S3Exception(S3Errors.AccessDeniedBecause(message));
    }

    /// <summary>The <c>aws:*</c> keys of the request, for services that add their own.</summary>
    public static RequestContextKeys ContextKeys(ServiceExchange exchange, S3Principal? principal, TimeProvider time) =>
        GlobalContextKeys.For(exchange.Http, principal, time);

    /// <summary>The decision alone, for callers that answer a refusal in their own way.</summary>
    public AuthorizationDecision Decide(S3Principal? principal, string action, IReadOnlyList<ResourceCheck> resources, RequestContextKeys keys) =>
        PolicyEvaluator.Evaluate(new AuthorizationRequest(
            callers.PrincipalOf(principal), action, callers.IdentityGrantsOf(principal), resources, keys));
}
