using System.Collections.Immutable;
using System.Text.Json;

namespace S3Emulator.Core.Policy;

/// <summary>The set qualifier in front of an operator, for multi-valued keys.</summary>
internal enum SetQualifier { None, ForAnyValue, ForAllValues }

/// <summary>
/// <c>Condition</c>: operator → key → value(s). Operators and keys are AND-ed, the values of one key OR-ed (NOR for
/// negated operators). Keys are case-insensitive; values case-sensitive unless the operator says IgnoreCase.
/// </summary>
internal sealed class ConditionElement
{
    public static readonly ConditionElement Empty = new([]);

    private ConditionElement(ImmutableArray<ConditionClause> clauses) => Clauses = clauses;

    public ImmutableArray<ConditionClause> Clauses { get; }

    public static ConditionElement Parse(JsonElement element, bool variablesEnabled)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidSyntax);
        }

        var clauses = ImmutableArray.CreateBuilder<ConditionClause>();
        foreach (var block in element.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidSyntax);
            }

            var (op, qualifier, ifExists) = ParseOperator(block.Name);
            foreach (var entry in block.Value.EnumerateObject())
            {
                clauses.Add(ConditionClause.Parse(block.Name, op, qualifier, ifExists, entry, variablesEnabled));
            }
        }

        return new ConditionElement(clauses.ToImmutable());
    }

    public bool Holds(EvaluationScope scope)
    {
        foreach (var clause in Clauses)
        {
            if (!clause.Holds(scope))
            {
                return false;
            }
        }

        return true;
    }

    private static (ConditionOperator Op, SetQualifier Qualifier, bool IfExists) ParseOperator(string name)
    {
        var rest = name;
        var qualifier = SetQualifier.None;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "IfExists";
        if (ifExists)
        {
            rest = rest[..^"IfExists".Length];
        }

        if (!ConditionOperators.All.TryGetValue(rest, out var op) || (op.IsNull && (ifExists || qualifier != SetQualifier.None)))
        {
            throw PolicyErrors.InvalidConditionType(name);
        }

        return (op, qualifier, ifExists);
    }
}

/// <summary>One operator + key + values of a Condition block, values compiled at parse time.</summary>
internal sealed class ConditionClause
{
    private readonly ImmutableArray<PolicyText> _texts;
    private readonly ImmutableArray<object?> _prepared; // per value: compiled constant, or null (variable / never matches)

    private ConditionClause(string operatorName, ConditionOperator op, SetQualifier qualifier, bool ifExists, string key, ImmutableArray<PolicyText> texts)
    {
        OperatorName = operatorName;
        Operator = op;
        Qualifier = qualifier;
        IfExists = ifExists;
        Key = key;
        _texts = texts;
        _prepared = [.. texts.Select(t => t.HasVariables ? null : op.Matcher.Prepare(t, EvaluationScope.NoVariables))];
    }

    /// <summary>The operator as written (with qualifier and IfExists).</summary>
    public string OperatorName { get; }

    public ConditionOperator Operator { get; }

    public SetQualifier Qualifier { get; }

    public bool IfExists { get; }

    public string Key { get; }

    public IEnumerable<string> Values => _texts.Select(t => t.Raw);

    internal ImmutableArray<PolicyText> Texts => _texts;

    public static ConditionClause Parse(string operatorName, ConditionOperator op, SetQualifier qualifier, bool ifExists, JsonProperty entry, bool variablesEnabled)
    {
        var key = entry.Name;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidConditionKey);
        }

        var values = PolicyJson.Scalars(entry.Value, PolicyErrors.InvalidSyntax);
        var texts = ImmutableArray.CreateRange(values, v => PolicyText.Parse(v, variablesEnabled));
        foreach (var text in texts.Where(t => !t.HasVariables))
        {
            op.Matcher.Validate(text.Constant!);
        }

        return new ConditionClause(operatorName, op, qualifier, ifExists, key, texts);
    }

    // Index loops over the request's values: a foreach over an IReadOnlyList allocates an enumerator on every request.
    public bool Holds(EvaluationScope scope)
    {
        var present = scope.TryGetValues(Key, out var requestValues);
        if (Operator.IsNull)
        {
            foreach (var text in _texts)
            {
                var wantsAbsent = string.Equals(text.Raw, "true", StringComparison.OrdinalIgnoreCase);
                if (wantsAbsent != present)
                {
                    return true;
                }
            }

            return false;
        }

        if (!present)
        {
            // IAM guide: an absent key fails every operator except the negated ones, …IfExists and Null;
            // for the set operators the empty set makes ForAllValues true and ForAnyValue false.
            return Qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => IfExists,
                _ => IfExists || Operator.Negated,
            };
        }

        switch (Qualifier)
        {
            case SetQualifier.ForAnyValue:
                for (var i = 0; i < requestValues.Count; i++)
                {
                    if (MatchesAny(requestValues[i], scope) != Operator.Negated)
                    {
                        return true;
                    }
                }

                return false;
            case SetQualifier.ForAllValues:
                for (var i = 0; i < requestValues.Count; i++)
                {
                    if (MatchesAny(requestValues[i], scope) == Operator.Negated)
                    {
                        return false;
                    }
                }

                return true;
            default:
                var any = false;
                for (var i = 0; i < requestValues.Count; i++)
                {
                    any |= MatchesAny(requestValues[i], scope);
                }

                return any != Operator.Negated;
        }
    }

    private bool MatchesAny(string requestValue, EvaluationScope scope)
    {
        for (var i = 0; i < _texts.Length; i++)
        {
            // A value whose variable has no value matches nothing: StringEquals fails, StringNotEquals holds.
            var prepared = _prepared[i] ?? (_texts[i].HasVariables ? Operator.Matcher.Prepare(_texts[i], scope) : null);
            if (prepared is not null && Operator.Matcher.Test(prepared, requestValue))
            {
                return true;
            }
        }

        return false;
    }
}
