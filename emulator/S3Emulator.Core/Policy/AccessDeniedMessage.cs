namespace S3Emulator.Core.Policy;

/// <summary>
/// The AccessDenied message AWS gives for a decision (public-access.md §6): "User: ARN is not authorized to perform:
/// ACTION on resource: "ARN" because no identity-based policy allows the ACTION action" and its variants, or plain
/// "Access Denied" for anonymous and cross-account callers. With <c>explain</c> the emulator appends the deciding
/// policy and statement, e.g. <c> (decided by bucket policy of b, statement "DenyHttp")</c>.
/// </summary>
public static class AccessDeniedMessage
{
    /// <summary>AWS's message for callers who are not told more.</summary>
    public const string Plain = "Access Denied";

    /// <summary>The message for a refused <paramref name="decision"/>.</summary>
    /// <param name="decision">A decision that is not Allow.</param>
    /// <param name="principalArn">The caller's ARN (a session's <c>arn:aws:sts::…:assumed-role/R/S</c>).</param>
    /// <param name="action">The IAM action.</param>
    /// <param name="resourceArn">The resource, or null for actions without one (s3:ListAllMyBuckets).</param>
    /// <param name="explain">Append the deciding policy and statement (the emulator's addition).</param>
    public static string For(AuthorizationDecision decision, string principalArn, string action, string? resourceArn, bool explain)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var message = decision.ShowsDetail && decision.Reason is { } reason
            ? Detailed(reason, principalArn, action, resourceArn)
            : Plain;
        return explain ? message + Explanation(decision) : message;
    }

    /// <summary>The sentence AWS uses for <paramref name="reason"/>.</summary>
    public static string Detailed(DenialReason reason, string principalArn, string action, string? resourceArn)
    {
        var resource = resourceArn is null ? "" : $" on resource: \"{resourceArn}\"";
        var why = reason switch
        {
            DenialReason.NoIdentityPolicyAllows => $"because no identity-based policy allows the {action} action",
            DenialReason.NoResourcePolicyAllows => $"because no resource-based policy allows the {action} action",
            DenialReason.NoSessionPolicyAllows => $"because no session policy allows the {action} action",
            DenialReason.ExplicitDenyInIdentityPolicy => "with an explicit deny in an identity-based policy",
            DenialReason.ExplicitDenyInResourcePolicy => "with an explicit deny in a resource-based policy",
            DenialReason.ExplicitDenyInSessionPolicy => "with an explicit deny in a session policy",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
        };
        return $"User: {principalArn} is not authorized to perform: {action}{resource} {why}";
    }

    /// <summary>The emulator's explanation suffix: which statement decided, or that none allowed.</summary>
    public static string Explanation(AuthorizationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Statements.Count > 0)
        {
            var first = decision.Statements[0];
            return $" (decided by {first.PolicyName}, statement {first.Label})";
        }

        return decision.EvaluatedPolicies.Count == 0
            ? " (no policy applies to this caller and resource)"
            : $" (no statement allows it in: {string.Join("; ", decision.EvaluatedPolicies)})";
    }
}
