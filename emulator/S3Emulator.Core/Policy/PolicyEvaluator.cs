namespace S3Emulator.Core.Policy;

/// <summary>
/// AWS's evaluation logic (auth-and-policy.md §5; IAM guide "Policy evaluation logic", "Cross-account policy
/// evaluation logic"), per resource check:
/// <list type="number">
/// <item>An applicable Deny in any identity, session or resource policy → ExplicitDeny.</item>
/// <item>Identity side: the root user is allowed; others need an identity-policy Allow, and when session policies
/// exist also a session-policy Allow (they intersect).</item>
/// <item>Resource side: an Allow in a resource policy whose Principal names the caller. Naming only the account in
/// the caller's own account delegates to identity policies and allows nothing by itself; a grant that names a session
/// by its role ARN (or everyone) is still narrowed by the session policy, one naming the session ARN is not.</item>
/// <item>Same account: identity OR resource; cross-account: identity AND resource; anonymous callers and service
/// principals (no account): resource alone (for anonymous, a "*" grant).</item>
/// </list>
/// Every resource check must be allowed; the first refused one decides.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Decides <paramref name="request"/>.</summary>
    public static AuthorizationDecision Evaluate(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = new EvaluationScope(request.Context, request.Principal);
        List<DecidingStatement>? allowing = null;
        foreach (var check in request.Resources)
        {
            var outcome = EvaluateCheck(request, check, scope);
            if (outcome.Effect != DecisionEffect.Allow)
            {
                return outcome;
            }

            (allowing ??= []).AddRange(outcome.Statements);
        }

        return new AuthorizationDecision
        {
            Effect = request.Resources.Count == 0 ? DecisionEffect.ImplicitDeny : DecisionEffect.Allow,
            Reason = request.Resources.Count == 0 ? DenialReason.NoIdentityPolicyAllows : null,
            Statements = (IReadOnlyList<DecidingStatement>?)allowing ?? [],
            ResourceArn = request.Resources.Count > 0 ? request.Resources[0].ResourceArn : null,
            ShowsDetail = ShowsDetail(request.Principal, request.Resources.Count > 0 ? request.Resources[0] : null),
        };
    }

    private static AuthorizationDecision EvaluateCheck(AuthorizationRequest request, ResourceCheck check, EvaluationScope scope)
    {
        var principal = request.Principal;
        var identity = new SideResult();
        var session = new SideResult();
        var resource = new SideResult();
        var sessionPolicies = 0;

        if (!principal.IsAnonymous && request.Identity is { } grants)
        {
            foreach (var grant in grants)
            {
                var isSession = grant.Kind == PolicyKind.Session;
                sessionPolicies += isSession ? 1 : 0;
                Collect(grant.ToAttached(), request.Action, check.ResourceArn, scope, checkPrincipal: false, isSession ? session : identity);
            }
        }

        foreach (var policy in check.Policies)
        {
            Collect(policy, request.Action, check.ResourceArn, scope, checkPrincipal: true, resource);
        }

        var detail = ShowsDetail(principal, check);
        var deny = identity.Denies ?? session.Denies ?? resource.Denies;
        if (deny is not null)
        {
            var reason = identity.Denies is not null ? DenialReason.ExplicitDenyInIdentityPolicy
                : session.Denies is not null ? DenialReason.ExplicitDenyInSessionPolicy
                : DenialReason.ExplicitDenyInResourcePolicy;
            return Decision(DecisionEffect.ExplicitDeny, deny, reason, check, detail, identity, session, resource);
        }

        var sameAccount = !principal.IsAnonymous && principal.AccountId == check.ResourceAccountId;
        var sessionAllows = sessionPolicies == 0 || session.Allows is not null;
        var identityAllows = !principal.IsAnonymous && (principal.IsRoot || identity.Allows is not null) && sessionAllows;

        // A resource grant counts unless it only names the caller's own account (delegation), and unless a session
        // policy must still narrow it (any match but the session's own ARN).
        List<DecidingStatement> resourceStatements = [];
        foreach (var (statement, match) in resource.AllowMatches)
        {
            if ((match != PrincipalMatch.Account || !sameAccount) && (match == PrincipalMatch.Exact || sessionAllows))
            {
                resourceStatements.Add(statement);
            }
        }

        var resourceAllows = resourceStatements.Count > 0;

        bool allowed;
        List<DecidingStatement> deciding = [];
        if (principal.IsAnonymous || principal.AccountId.Length == 0)
        {
            // Anonymous callers and service principals (no account) have no identity side: the resource policy decides.
            allowed = resourceAllows;
            deciding.AddRange(resourceStatements);
        }
        else if (sameAccount)
        {
            allowed = identityAllows || resourceAllows;
            if (identityAllows)
            {
                deciding.AddRange(identity.Allows ?? []);
                deciding.AddRange(session.Allows ?? []);
            }

            deciding.AddRange(resourceStatements);
        }
        else
        {
            allowed = identityAllows && resourceAllows;
            deciding.AddRange(identity.Allows ?? []);
            deciding.AddRange(session.Allows ?? []);
            deciding.AddRange(resourceStatements);
        }

        if (allowed)
        {
            return Decision(DecisionEffect.Allow, deciding, null, check, detail, identity, session, resource);
        }

        DenialReason why;
        if (principal.IsAnonymous || principal.AccountId.Length == 0)
        {
            why = DenialReason.NoResourcePolicyAllows;
        }
        else if (!principal.IsRoot && identity.Allows is not null && !sessionAllows)
        {
            why = DenialReason.NoSessionPolicyAllows;
        }
        else if (!identityAllows)
        {
            why = DenialReason.NoIdentityPolicyAllows;
        }
        else
        {
            why = DenialReason.NoResourcePolicyAllows;
        }

        return Decision(DecisionEffect.ImplicitDeny, [], why, check, detail, identity, session, resource);
    }

    private static void Collect(AttachedPolicy policy, string action, string resourceArn, EvaluationScope scope, bool checkPrincipal, SideResult into)
    {
        into.Evaluated.Add(policy.Name);
        foreach (var statement in policy.Document.StatementsFor(action))
        {
            if (!statement.Applies(resourceArn, scope, checkPrincipal, out var match))
            {
                continue;
            }

            var deciding = new DecidingStatement(policy.Kind, policy.Name, statement.Sid, statement.Index, statement.Effect);
            if (statement.Effect == PolicyEffect.Deny)
            {
                (into.Denies ??= []).Add(deciding);
            }
            else
            {
                (into.Allows ??= []).Add(deciding);
                into.AllowMatches.Add((deciding, checkPrincipal ? match : PrincipalMatch.Exact));
            }
        }
    }

    private static AuthorizationDecision Decision(DecisionEffect effect, List<DecidingStatement> statements, DenialReason? reason,
        ResourceCheck check, bool detail, SideResult identity, SideResult session, SideResult resource) => new()
    {
        Effect = effect,
        Statements = statements,
        Reason = reason,
        ResourceArn = check.ResourceArn,
        ShowsDetail = detail,
        EvaluatedPolicies = [.. identity.Evaluated, .. session.Evaluated, .. resource.Evaluated],
    };

    // AWS details a denial only to signed callers of the resource's own account.
    private static bool ShowsDetail(PolicyPrincipal principal, ResourceCheck? check) =>
        !principal.IsAnonymous && check is not null && principal.AccountId == check.ResourceAccountId;

    private sealed class SideResult
    {
        public List<DecidingStatement>? Denies { get; set; }

        public List<DecidingStatement>? Allows { get; set; }

        public List<(DecidingStatement Statement, PrincipalMatch Match)> AllowMatches { get; } = [];

        public List<string> Evaluated { get; } = [];
    }
}
