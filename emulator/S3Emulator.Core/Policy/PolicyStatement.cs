using System.Collections.Immutable;
using System.Text.Json;

namespace S3Emulator.Core.Policy;

/// <summary>One statement of a policy, its elements compiled.</summary>
public sealed class PolicyStatement
{
    private static readonly ImmutableArray<string> Fields = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private PolicyStatement(int index, string? sid, PolicyEffect effect, PrincipalElement? principal, ActionElement action, ResourceElement? resource, ConditionElement condition)
    {
        Index = index;
        Sid = sid;
        Effect = effect;
        Principal = principal;
        Action = action;
        Resource = resource;
        Condition = condition;
    }

    /// <summary>Position in the policy's Statement list, from 0.</summary>
    public int Index { get; }

    /// <summary>The statement's Sid, if any.</summary>
    public string? Sid { get; }

    /// <summary>Allow or Deny.</summary>
    public PolicyEffect Effect { get; }

    /// <summary>How decisions name the statement: <c>"Sid"</c> or <c>#index</c>.</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? $"#{Index}" : $"\"{Sid}\"";

    internal PrincipalElement? Principal { get; }

    internal ActionElement Action { get; }

    internal ResourceElement? Resource { get; }

    internal ConditionElement Condition { get; }

    internal static PolicyStatement Parse(JsonElement element, int index, bool variablesEnabled)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidSyntax);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw PolicyErrors.UnknownField(property.Name);
            }
        }

        var sid = element.TryGetProperty("Sid", out var sidElement)
            ? sidElement.ValueKind == JsonValueKind.String ? sidElement.GetString() : throw PolicyErrors.Malformed(PolicyErrors.InvalidSyntax)
            : null;
        var effect = ParseEffect(element);
        var principal = Either(element, "Principal", "NotPrincipal", (e, negated) => PrincipalElement.Parse(e, negated));
        var action = Either(element, "Action", "NotAction", (e, negated) => ActionElement.Parse(e, negated))
            ?? throw PolicyErrors.MissingField("Action");
        var resource = Either(element, "Resource", "NotResource", (e, negated) => ResourceElement.Parse(e, negated, variablesEnabled));
        var condition = element.TryGetProperty("Condition", out var conditionElement)
            ? ConditionElement.Parse(conditionElement, variablesEnabled)
            : ConditionElement.Empty;
        return new PolicyStatement(index, sid, effect, principal, action, resource, condition);
    }

    /// <summary>
    /// Whether the statement applies, for a statement already known to cover the action
    /// (<see cref="PolicyDocument.StatementsFor"/>): resource, principal (resource-based policies only) and condition.
    /// </summary>
    internal bool Applies(string resourceArn, EvaluationScope scope, bool checkPrincipal, out PrincipalMatch match)
    {
        match = PrincipalMatch.None;
        if (checkPrincipal && (Principal is null || !Principal.Applies(scope.Principal, out match)))
        {
            return false;
        }

        // A statement without Resource (trust policies) applies to the resource it is attached to.
        return (Resource is null || Resource.Covers(resourceArn, scope)) && Condition.Holds(scope);
    }

    private static PolicyEffect ParseEffect(JsonElement element)
    {
        if (!element.TryGetProperty("Effect", out var effect))
        {
            throw PolicyErrors.MissingField("Effect");
        }

        var text = effect.ValueKind == JsonValueKind.String ? effect.GetString()! : effect.GetRawText();
        return text switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,
            _ => throw PolicyErrors.InvalidEffect(text),
        };
    }

    private static T? Either<T>(JsonElement element, string name, string negatedName, Func<JsonElement, bool, T> parse)
        where T : class
    {
        var has = element.TryGetProperty(name, out var positive);
        var hasNegated = element.TryGetProperty(negatedName, out var negative);
        if (has && hasNegated)
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidSyntax);
        }

        return has ? parse(positive, false) : hasNegated ? parse(negative, true) : null;
    }
}
