using System.Collections.Immutable;
using System.Text.Json;

namespace S3Emulator.Core.Policy;

/// <summary>
/// <c>Resource</c> / <c>NotResource</c>: ARN patterns with <c>*</c> and <c>?</c>, matched case-sensitively. Policy
/// variables are substituted (2012-10-17); an entry whose variable has no value matches no resource (IAM guide,
/// "Policy variables with no value").
/// </summary>
internal sealed class ResourceElement
{
    private readonly ImmutableArray<PolicyText> _texts;

    private ResourceElement(ImmutableArray<PolicyText> texts, bool negated)
    {
        _texts = texts;
        IsNegated = negated;
    }

    /// <summary>The resources as written.</summary>
    public IEnumerable<string> Values => _texts.Select(t => t.Raw);

    internal ImmutableArray<PolicyText> Texts => _texts;

    /// <summary>True for <c>NotResource</c>.</summary>
    public bool IsNegated { get; }

    public static ResourceElement Parse(JsonElement element, bool negated, bool variablesEnabled)
    {
        var values = PolicyJson.Strings(element, PolicyErrors.InvalidResource);
        foreach (var value in values)
        {
            if (value != "*" && !(value.StartsWith("arn:", StringComparison.Ordinal) && value.Split(':', 6).Length == 6))
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidResource);
            }
        }

        return new ResourceElement([.. values.Select(v => PolicyText.Parse(v, variablesEnabled))], negated);
    }

    /// <summary>Whether the statement covers <paramref name="resourceArn"/> (inverted for NotResource).</summary>
    public bool Covers(string resourceArn, IVariableSource variables)
    {
        foreach (var text in _texts)
        {
            if (text.TryResolvePattern(variables, ignoreCase: false, out var pattern) && pattern.Matches(resourceArn))
            {
                return !IsNegated;
            }
        }

        return IsNegated;
    }
}
