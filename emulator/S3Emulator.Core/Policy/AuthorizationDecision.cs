using System.Text;

namespace S3Emulator.Core.Policy;

/// <summary>A statement that decided (or helped decide) an authorization.</summary>
/// <param name="Kind">Where its policy is attached.</param>
/// <param name="PolicyName">The policy's name or ARN ("bucket policy of b").</param>
/// <param name="Sid">The statement's Sid, if any.</param>
/// <param name="Index">The statement's position in its policy, from 0.</param>
/// <param name="Effect">The statement's effect.</param>
public sealed record DecidingStatement(PolicyKind Kind, string PolicyName, string? Sid, int Index, PolicyEffect Effect)
{
    /// <summary><c>"Sid"</c>, or <c>#index</c> for a statement without Sid.</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? $"#{Index}" : $"\"{Sid}\"";

    /// <inheritdoc />
    public override string ToString() => $"{PolicyName}, statement {Label} ({Effect})";
}

/// <summary>
/// The outcome of <see cref="PolicyEvaluator.Evaluate"/>: Allow, ExplicitDeny or ImplicitDeny, with the statements
/// that decided (the allowing statements, or the denying ones; none for an implicit deny) and, when refused, the
/// reason AWS's AccessDenied message names.
/// </summary>
public sealed record AuthorizationDecision
{
    /// <summary>The tri-state outcome.</summary>
    public required DecisionEffect Effect { get; init; }

    /// <summary>The statements that decided.</summary>
    public required IReadOnlyList<DecidingStatement> Statements { get; init; }

    /// <summary>Why the request was refused; null when allowed.</summary>
    public DenialReason? Reason { get; init; }

    /// <summary>The resource whose check refused the request (or the first resource when allowed).</summary>
    public string? ResourceArn { get; init; }

    /// <summary>
    /// Whether AWS would show the detailed message: the caller is signed and in the resource's account. Anonymous and
    /// cross-account callers get plain "Access Denied" (public-access.md §6).
    /// </summary>
    public bool ShowsDetail { get; init; }

    /// <summary>The policies that took part (names), for "no statement allowed" explanations.</summary>
    public IReadOnlyList<string> EvaluatedPolicies { get; init; } = [];

    /// <summary>True when <see cref="Effect"/> is Allow.</summary>
    public bool IsAllowed => Effect == DecisionEffect.Allow;

    /// <summary>A human-readable account of the decision, for the journal and tests.</summary>
    public string Explain()
    {
        var text = new StringBuilder(Effect.ToString());
        if (Reason is { } reason)
        {
            text.Append(" (").Append(reason).Append(')');
        }

        if (ResourceArn is not null)
        {
            text.Append(" on \"").Append(ResourceArn).Append('"');
        }

        if (Statements.Count == 0)
        {
            text.Append(": no statement allowed it");
            if (EvaluatedPolicies.Count > 0)
            {
                text.Append(" (evaluated: ").AppendJoin("; ", EvaluatedPolicies).Append(')');
            }
        }
        else
        {
            text.Append(": ").AppendJoin("; ", Statements);
        }

        return text.ToString();
    }
}
