using System.Collections.Immutable;
using System.Text.Json;

namespace S3Emulator.Core.Policy;

/// <summary>
/// <c>Action</c> / <c>NotAction</c>: <c>service:Name</c> patterns with <c>*</c> and <c>?</c>, matched case-insensitively
/// (IAM action names are case-insensitive). Variables are not substituted here; AWS does not support them in actions.
/// </summary>
internal sealed class ActionElement
{
    private static readonly System.Buffers.SearchValues<char> ServiceChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private readonly ImmutableArray<WildcardPattern> _patterns;

    private ActionElement(ImmutableArray<string> values, bool negated)
    {
        Values = values;
        IsNegated = negated;
        _patterns = [.. values.Select(v => WildcardPattern.Parse(v, ignoreCase: true))];
    }

    /// <summary>The actions as written.</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>True for <c>NotAction</c>.</summary>
    public bool IsNegated { get; }

    public static ActionElement Parse(JsonElement element, bool negated)
    {
        var values = PolicyJson.Strings(element, PolicyErrors.InvalidAction);
        foreach (var value in values)
        {
            // "*" alone, or "service:pattern" with a non-empty service made of letters, digits and '-'.
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var valid = value == "*" ||
                (colon > 0 && colon < value.Length - 1 && value.AsSpan(0, colon).IndexOfAnyExcept(ServiceChars) < 0);
            if (!valid)
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidAction);
            }
        }

        return new ActionElement(values, negated);
    }

    /// <summary>Whether the statement covers <paramref name="action"/> (inverted for NotAction).</summary>
    public bool Covers(string action)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(action))
            {
                return !IsNegated;
            }
        }

        return IsNegated;
    }
}
