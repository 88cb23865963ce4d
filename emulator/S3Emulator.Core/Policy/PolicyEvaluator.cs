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
        SmallList<DecidingStatement> allowing = default;
        // Index loops over the request's lists here and below: a foreach over an IReadOnlyList allocates its enumerator.
        for (var i = 0; i < request.Resources.Count; i++)
        {
            if (EvaluateCheck(request, request.Resources[i], scope, ref allowing) is { } refusal)
            {
                return refusal;
            }
        }

        return new AuthorizationDecision
        {
            Effect = request.Resources.Count == 0 ? DecisionEffect.ImplicitDeny : DecisionEffect.Allow,
            Reason = request.Resources.Count == 0 ? DenialReason.NoIdentityPolicyAllows : null,
            // An array of exactly the statements: the request journal keeps the decision, the list is garbage at once.
            Statements = allowing.ToArray(),
            ResourceArn = request.Resources.Count > 0 ? request.Resources[0].ResourceArn : null,
            ShowsDetail = ShowsDetail(request.Principal, request.Resources.Count > 0 ? request.Resources[0] : null),
        };
    }

    /// <summary>
    /// Decides one resource check: null when it allows (its deciding statements added to <paramref name="allowing"/>),
    /// otherwise the refusal. Runs on every authorized request, so it allocates only what a decision keeps: a side
    /// without matching statements, the policy names of an allowed check and the lists of a check without statements
    /// cost nothing.
    /// </summary>
    private static AuthorizationDecision? EvaluateCheck(
        AuthorizationRequest request, ResourceCheck check, EvaluationScope scope, ref SmallList<DecidingStatement> allowing)
    {
        var principal = request.Principal;
        SideResult identity = default, session = default, resource = default;
        var sessionPolicies = 0;

        if (!principal.IsAnonymous && request.Identity is { } grants)
        {
            for (var i = 0; i < grants.Count; i++)
            {
                var grant = grants[i];
                var isSession = grant.Kind == PolicyKind.Session;
                sessionPolicies += isSession ? 1 : 0;
                if (isSession)
                {
                    Collect(grant.Kind, grant.Name, grant.Document, request.Action, check.ResourceArn, scope, checkPrincipal: false, ref session);
                }
                else
                {
                    Collect(grant.Kind, grant.Name, grant.Document, request.Action, check.ResourceArn, scope, checkPrincipal: false, ref identity);
                }
            }
        }

        for (var i = 0; i < check.Policies.Count; i++)
        {
            var policy = check.Policies[i];
            Collect(policy.Kind, policy.Name, policy.Document, request.Action, check.ResourceArn, scope, checkPrincipal: true, ref resource);
        }

        if (identity.Denies.Count > 0 || session.Denies.Count > 0 || resource.Denies.Count > 0)
        {
            var (deny, reason) = identity.Denies.Count > 0 ? (identity.Denies, DenialReason.ExplicitDenyInIdentityPolicy)
                : session.Denies.Count > 0 ? (session.Denies, DenialReason.ExplicitDenyInSessionPolicy)
                : (resource.Denies, DenialReason.ExplicitDenyInResourcePolicy);
            return Decision(DecisionEffect.ExplicitDeny, deny.ToArray(), reason, request, check);
        }

        var sameAccount = !principal.IsAnonymous && principal.AccountId == check.ResourceAccountId;
        var sessionAllows = sessionPolicies == 0 || session.Allows.Count > 0;
        var identityAllows = !principal.IsAnonymous && (principal.IsRoot || identity.Allows.Count > 0) && sessionAllows;
        var resourceAllows = false;
        for (var i = 0; i < resource.AllowMatches.Count && !resourceAllows; i++)
        {
            resourceAllows = GrantCounts(resource.AllowMatches[i].Match, sameAccount, sessionAllows);
        }

        bool allowed;
        if (principal.IsAnonymous || principal.AccountId.Length == 0)
        {
            // Anonymous callers and service principals (no account) have no identity side: the resource policy decides.
            allowed = resourceAllows;
            if (allowed)
            {
                AddResourceGrants(ref allowing, resource.AllowMatches, sameAccount, sessionAllows);
            }
        }
        else if (sameAccount)
        {
            allowed = identityAllows || resourceAllows;
            if (allowed)
            {
                if (identityAllows)
                {
                    allowing.AddRange(identity.Allows);
                    allowing.AddRange(session.Allows);
                }

                AddResourceGrants(ref allowing, resource.AllowMatches, sameAccount, sessionAllows);
            }
        }
        else
        {
            allowed = identityAllows && resourceAllows;
            if (allowed)
            {
                allowing.AddRange(identity.Allows);
                allowing.AddRange(session.Allows);
                AddResourceGrants(ref allowing, resource.AllowMatches, sameAccount, sessionAllows);
            }
        }

        if (allowed)
        {
            return null;
        }

        DenialReason why;
        if (principal.IsAnonymous || principal.AccountId.Length == 0)
        {
            why = DenialReason.NoResourcePolicyAllows;
        }
        else if (!principal.IsRoot && identity.Allows.Count > 0 && !sessionAllows)
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

        return Decision(DecisionEffect.ImplicitDeny, [], why, request, check);
    }

    // A resource grant counts unless it only names the caller's own account (delegation), and unless a session policy
    // must still narrow it (any match but the session's own ARN).
    private static bool GrantCounts(PrincipalMatch match, bool sameAccount, bool sessionAllows) =>
        (match != PrincipalMatch.Account || !sameAccount) && (match == PrincipalMatch.Exact || sessionAllows);

    private static void AddResourceGrants(ref SmallList<DecidingStatement> into,
        in SmallList<(DecidingStatement Statement, PrincipalMatch Match)> grants, bool sameAccount, bool sessionAllows)
    {
        for (var i = 0; i < grants.Count; i++)
        {
            var (statement, match) = grants[i];
            if (GrantCounts(match, sameAccount, sessionAllows))
            {
                into.Add(statement);
            }
        }
    }

    private static void Collect(PolicyKind kind, string name, PolicyDocument document, string action, string resourceArn,
        EvaluationScope scope, bool checkPrincipal, ref SideResult into)
    {
        foreach (var statement in document.StatementsFor(action))
        {
            if (!statement.Applies(resourceArn, scope, checkPrincipal, out var match))
            {
                continue;
            }

            var deciding = document.Deciding(kind, name, statement);
            if (statement.Effect == PolicyEffect.Deny)
            {
                into.Denies.Add(deciding);
            }
            else if (checkPrincipal)
            {
                // A resource policy's grant counts by how it named the caller; an identity or session grant by itself.
                into.AllowMatches.Add((deciding, match));
            }
            else
            {
                into.Allows.Add(deciding);
            }
        }
    }

    /// <summary>A refusal of <paramref name="check"/>, naming every policy that took part: the identity policies, the
    /// session policies, then the resource's, each in its order.</summary>
    private static AuthorizationDecision Decision(DecisionEffect effect, IReadOnlyList<DecidingStatement> statements, DenialReason reason,
        AuthorizationRequest request, ResourceCheck check)
    {
        List<string> evaluated = [];
        if (!request.Principal.IsAnonymous && request.Identity is { } grants)
        {
            evaluated.AddRange(grants.Where(g => g.Kind != PolicyKind.Session).Select(g => g.Name));
            evaluated.AddRange(grants.Where(g => g.Kind == PolicyKind.Session).Select(g => g.Name));
        }

        evaluated.AddRange(check.Policies.Select(p => p.Name));
        return new AuthorizationDecision
        {
            Effect = effect,
            Statements = statements,
            Reason = reason,
            ResourceArn = check.ResourceArn,
            ShowsDetail = ShowsDetail(request.Principal, check),
            EvaluatedPolicies = [.. evaluated],
        };
    }

    // AWS details a denial only to signed callers of the resource's own account.
    private static bool ShowsDetail(PolicyPrincipal principal, ResourceCheck? check) =>
        !principal.IsAnonymous && check is not null && principal.AccountId == check.ResourceAccountId;

    /// <summary>
    /// What one side's policies (identity, session or resource) said about a check: its denying statements, and its
    /// allowing ones — an identity or session side's in <see cref="Allows"/>, a resource side's, with how each named the
    /// caller, in <see cref="AllowMatches"/>.
    /// </summary>
    private struct SideResult
    {
        public SmallList<DecidingStatement> Denies;

        public SmallList<DecidingStatement> Allows;

        public SmallList<(DecidingStatement Statement, PrincipalMatch Match)> AllowMatches;
    }
}
