using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;

namespace S3Emulator.Core.Policy;

/// <summary>
/// Whether a bucket or access point policy is "public" as Block Public Access sees it (public-access.md §3): public
/// unless every Allow statement is tied to a fixed value (no <c>*</c>, <c>?</c> or <c>${…}</c>) of a principal or of
/// one of the pinning condition keys. Emulator's choices where AWS is silent: Deny statements are ignored, negated
/// operators and …IfExists / ForAllValues: do not pin, StringLike without wildcards pins.
/// </summary>
public static class PolicyPublicity
{
    private static readonly FrozenSet<string> FixedValueKeys = new[]
    {
        "aws:SourceArn", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceOwner", "aws:SourceAccount", "aws:PrincipalOrgID",
        "s3:DataAccessPointAccount",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // RFC 1918 ranges stay private however broad the CIDR.
    private static readonly ImmutableArray<IPNetwork> PrivateRanges =
        [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16")];

    /// <summary>Whether <paramref name="document"/>, attached as <paramref name="kind"/>, grants public access.</summary>
    public static bool IsPublic(PolicyDocument document, PolicyKind kind)
    {
        ArgumentNullException.ThrowIfNull(document);
        var accessPointPolicy = kind is PolicyKind.AccessPoint or PolicyKind.ObjectLambdaAccessPoint;
        return document.Statements.Any(s => s.Effect == PolicyEffect.Allow && !IsPinned(s, accessPointPolicy));
    }

    private static bool IsPinned(PolicyStatement statement, bool accessPointPolicy)
    {
        var principal = statement.Principal;
        var principalFixed = principal is { IsNegated: false, IsEveryone: false } &&
            (principal.Aws.Length > 0 || principal.Others.Length > 0) &&
            !principal.HasFederated && principal.Aws.Concat(principal.Others).All(IsFixed);
        return principalFixed || statement.Condition.Clauses.Any(c => ClausePins(c, accessPointPolicy));
    }

    private static bool ClausePins(ConditionClause clause, bool accessPointPolicy)
    {
        if (clause.Operator.Negated || clause.Operator.IsNull || clause.IfExists || clause.Qualifier == SetQualifier.ForAllValues)
        {
            return false;
        }

        var values = clause.Texts.Select(t => t.Raw).ToList();
        if (values.Count == 0)
        {
            return false;
        }

        var key = clause.Key;
        if (key.Equals("aws:SourceIp", StringComparison.OrdinalIgnoreCase))
        {
            return clause.Operator.Matcher is IpMatcher && values.All(IsNarrowNetwork);
        }

        if (clause.Operator.Matcher is not (StringEqualsMatcher or StringLikeMatcher or ArnMatcher))
        {
            return false;
        }

        if (key.Equals("s3:DataAccessPointArn", StringComparison.OrdinalIgnoreCase))
        {
            return values.All(v => accessPointPolicy ? IsFixed(v) : AccessPointAccountFixed(v));
        }

        if (key.Equals("aws:userid", StringComparison.OrdinalIgnoreCase))
        {
            return values.All(v => IsFixed(v) || (v.EndsWith(":*", StringComparison.Ordinal) && IsFixed(v[..^2]) && v.Length > 2));
        }

        return FixedValueKeys.Contains(key) && values.All(IsFixed);
    }

    private static bool IsFixed(string value) =>
        value.Length > 0 && value.AsSpan().IndexOfAny('*', '?') < 0 && !value.Contains("${", StringComparison.Ordinal);

    // arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME — the account (and everything before the name) must be fixed.
    private static bool AccessPointAccountFixed(string value)
    {
        var parts = value.Split(':', 6);
        return parts.Length == 6 && parts.Take(5).All(p => p.AsSpan().IndexOfAny('*', '?') < 0 && !p.Contains("${", StringComparison.Ordinal)) &&
            parts[4].Length > 0 && parts[5].StartsWith("accesspoint/", StringComparison.Ordinal);
    }

    private static bool IsNarrowNetwork(string value)
    {
        if (!IpMatcher.TryParseNetwork(value, out var network))
        {
            return false;
        }

        if (PrivateRanges.Any(r => r.Contains(network.BaseAddress) && network.PrefixLength >= r.PrefixLength))
        {
            return true;
        }

        var minimum = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 8 : 32;
        return network.PrefixLength >= minimum;
    }
}
