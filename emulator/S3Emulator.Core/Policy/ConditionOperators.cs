using System.Collections.Frozen;

namespace S3Emulator.Core.Policy;

/// <summary>One IAM condition operator: how values compare, and whether the result is negated.</summary>
/// <param name="Name">The operator as written in policies (without set qualifier or IfExists).</param>
/// <param name="Matcher">How a policy value compares with a request value.</param>
/// <param name="Negated">The Not… forms: true when no value matches, and true when the key is absent.</param>
internal sealed record ConditionOperator(string Name, ValueMatcher Matcher, bool Negated)
{
    public bool IsNull => Matcher is NullMatcher;
}

/// <summary>
/// Every IAM condition operator, in one table (IAM guide, "Condition operators"). Names are case-sensitive, as AWS
/// answers "Invalid Condition type : stringequals" for a lower-cased one.
/// </summary>
internal static class ConditionOperators
{
    private static readonly StringEqualsMatcher StringEquals = new(ignoreCase: false);
    private static readonly StringEqualsMatcher StringEqualsIgnoreCase = new(ignoreCase: true);
    private static readonly StringLikeMatcher StringLike = new();
    private static readonly NumericMatcher NumericEquals = new(c => c == 0);
    private static readonly NumericMatcher NumericLessThan = new(c => c < 0);
    private static readonly NumericMatcher NumericLessThanEquals = new(c => c <= 0);
    private static readonly NumericMatcher NumericGreaterThan = new(c => c > 0);
    private static readonly NumericMatcher NumericGreaterThanEquals = new(c => c >= 0);
    private static readonly DateMatcher DateEquals = new(c => c == 0);
    private static readonly DateMatcher DateLessThan = new(c => c < 0);
    private static readonly DateMatcher DateLessThanEquals = new(c => c <= 0);
    private static readonly DateMatcher DateGreaterThan = new(c => c > 0);
    private static readonly DateMatcher DateGreaterThanEquals = new(c => c >= 0);
    private static readonly ArnMatcher Arn = new();
    private static readonly IpMatcher Ip = new();

    /// <summary>Operator name → operator.</summary>
    public static readonly FrozenDictionary<string, ConditionOperator> All = new ConditionOperator[]
    {
        new("StringEquals", StringEquals, Negated: false),
        new("StringNotEquals", StringEquals, Negated: true),
        new("StringEqualsIgnoreCase", StringEqualsIgnoreCase, Negated: false),
        new("StringNotEqualsIgnoreCase", StringEqualsIgnoreCase, Negated: true),
        new("StringLike", StringLike, Negated: false),
        new("StringNotLike", StringLike, Negated: true),
        new("NumericEquals", NumericEquals, Negated: false),
        new("NumericNotEquals", NumericEquals, Negated: true),
        new("NumericLessThan", NumericLessThan, Negated: false),
        new("NumericLessThanEquals", NumericLessThanEquals, Negated: false),
        new("NumericGreaterThan", NumericGreaterThan, Negated: false),
        new("NumericGreaterThanEquals", NumericGreaterThanEquals, Negated: false),
        new("DateEquals", DateEquals, Negated: false),
        new("DateNotEquals", DateEquals, Negated: true),
        new("DateLessThan", DateLessThan, Negated: false),
        new("DateLessThanEquals", DateLessThanEquals, Negated: false),
        new("DateGreaterThan", DateGreaterThan, Negated: false),
        new("DateGreaterThanEquals", DateGreaterThanEquals, Negated: false),
        new("Bool", new BoolMatcher(), Negated: false),
        new("BinaryEquals", new BinaryMatcher(), Negated: false),
        new("IpAddress", Ip, Negated: false),
        new("NotIpAddress", Ip, Negated: true),
        new("ArnEquals", Arn, Negated: false),
        new("ArnLike", Arn, Negated: false),
        new("ArnNotEquals", Arn, Negated: true),
        new("ArnNotLike", Arn, Negated: true),
        new("Null", new NullMatcher(), Negated: false),
    }.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
}
