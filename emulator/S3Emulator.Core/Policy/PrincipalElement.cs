using System.Collections.Immutable;
using System.Text.Json;

namespace S3Emulator.Core.Policy;

/// <summary>How a <c>Principal</c> element matched the caller; the evaluator needs to know, because AWS treats them differently.</summary>
internal enum PrincipalMatch
{
    /// <summary>Not named.</summary>
    None,

    /// <summary>Named through the account (<c>"123456789012"</c> or <c>arn:aws:iam::123456789012:root</c>): in the
    /// caller's own account that only delegates to the account's identity policies.</summary>
    Account,

    /// <summary>Named by another of its ARNs (a session's role ARN); a session policy still narrows such a grant.</summary>
    Alias,

    /// <summary>Named by everyone (<c>"*"</c>, <c>{"AWS":"*"}</c>); a session policy still narrows such a grant.</summary>
    Everyone,

    /// <summary>Named by its own ARN (a user's ARN, a session's session ARN, the root ARN for the root user).</summary>
    Exact,
}

/// <summary>
/// <c>Principal</c> / <c>NotPrincipal</c>: <c>"*"</c> or an object of <c>AWS</c> (<c>"*"</c>, an account id or an
/// IAM/STS ARN), <c>Service</c>, <c>CanonicalUser</c> and <c>Federated</c> entries, each a string or an array.
/// </summary>
internal sealed class PrincipalElement
{
    private static readonly ImmutableArray<string> Types = ["AWS", "Service", "CanonicalUser", "Federated"];

    private PrincipalElement(bool everyone, ImmutableArray<string> aws, ImmutableArray<string> others, bool negated, bool federated = false)
    {
        HasFederated = federated;
        IsEveryone = everyone;
        Aws = aws;
        Others = others;
        IsNegated = negated;
        _rootAccounts = [.. aws.Select(RootAccountOf)];
    }

    // Per Aws entry, the account its root ARN names (null when it is no root ARN), found once: matching a caller then
    // compares the account instead of taking the ARN apart on every request.
    private readonly ImmutableArray<string?> _rootAccounts;

    /// <summary><c>"*"</c> or <c>{"AWS":"*"}</c> among the entries.</summary>
    public bool IsEveryone { get; }

    /// <summary>The <c>AWS</c> entries other than <c>"*"</c>.</summary>
    public ImmutableArray<string> Aws { get; }

    /// <summary>The <c>Service</c>, <c>CanonicalUser</c> and <c>Federated</c> entries.</summary>
    public ImmutableArray<string> Others { get; }

    /// <summary>True for <c>NotPrincipal</c>.</summary>
    public bool IsNegated { get; }

    /// <summary>A <c>Federated</c> entry is present (web identity providers make a policy public).</summary>
    public bool HasFederated { get; }

    public static PrincipalElement Parse(JsonElement element, bool negated)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() == "*"
                ? new PrincipalElement(true, [], [], negated)
                : throw PolicyErrors.Malformed(PolicyErrors.InvalidPrincipal);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidPrincipal);
        }

        var everyone = false;
        var federated = false;
        var aws = ImmutableArray.CreateBuilder<string>();
        var others = ImmutableArray.CreateBuilder<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (!Types.Contains(property.Name))
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidPrincipal);
            }

            foreach (var value in PolicyJson.Strings(property.Value, PolicyErrors.InvalidPrincipal))
            {
                if (property.Name == "AWS")
                {
                    if (value == "*")
                    {
                        everyone = true;
                    }
                    else if (IsValidAwsPrincipal(value))
                    {
                        aws.Add(value);
                    }
                    else
                    {
                        throw PolicyErrors.Malformed(PolicyErrors.InvalidPrincipal);
                    }
                }
                else if (value.Length == 0 || (value.Contains('*') && value != "*"))
                {
                    throw PolicyErrors.Malformed(PolicyErrors.InvalidPrincipal);
                }
                else
                {
                    everyone |= value == "*";
                    federated |= property.Name == "Federated";
                    others.Add(value);
                }
            }
        }

        return new PrincipalElement(everyone, aws.ToImmutable(), others.ToImmutable(), negated, federated);
    }

    /// <summary>How the element names <paramref name="caller"/> (before NotPrincipal inversion).</summary>
    public PrincipalMatch Match(PolicyPrincipal caller)
    {
        if (IsEveryone)
        {
            return PrincipalMatch.Everyone;
        }

        if (caller.IsAnonymous)
        {
            return PrincipalMatch.None;
        }

        var best = PrincipalMatch.None;
        for (var i = 0; i < Aws.Length; i++)
        {
            var match = MatchAws(Aws[i], _rootAccounts[i], caller);
            if (match > best)
            {
                best = match;
            }
        }

        foreach (var entry in Others)
        {
            if (string.Equals(entry, caller.Arn, StringComparison.Ordinal))
            {
                return PrincipalMatch.Exact;
            }

            if (best < PrincipalMatch.Alias && NamesOneOf(entry, caller.MatchingArns))
            {
                best = PrincipalMatch.Alias;
            }
        }

        return best;
    }

    /// <summary>Whether the statement applies to <paramref name="caller"/>, NotPrincipal inverted.</summary>
    public bool Applies(PolicyPrincipal caller, out PrincipalMatch match)
    {
        match = Match(caller);
        if (!IsNegated)
        {
            return match != PrincipalMatch.None;
        }

        var applies = match == PrincipalMatch.None;
        match = applies ? PrincipalMatch.Everyone : PrincipalMatch.None;
        return applies;
    }

    private static PrincipalMatch MatchAws(string entry, string? rootAccount, PolicyPrincipal caller)
    {
        if (string.Equals(entry, caller.Arn, StringComparison.Ordinal))
        {
            return PrincipalMatch.Exact;
        }

        if (entry == caller.AccountId || (rootAccount is not null && rootAccount == caller.AccountId))
        {
            return caller.IsRoot ? PrincipalMatch.Exact : PrincipalMatch.Account;
        }

        return NamesOneOf(entry, caller.MatchingArns) ? PrincipalMatch.Alias : PrincipalMatch.None;
    }

    // A loop rather than LINQ's Contains, which allocates an enumerator for every statement naming someone else.
    private static bool NamesOneOf(string entry, IReadOnlyList<string> arns)
    {
        for (var i = 0; i < arns.Count; i++)
        {
            if (string.Equals(entry, arns[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // ACCOUNT of "arn:aws:iam::ACCOUNT:root", else null.
    private static string? RootAccountOf(string entry) =>
        entry.StartsWith("arn:aws:iam::", StringComparison.Ordinal) && entry.EndsWith(":root", StringComparison.Ordinal) &&
        entry.Length >= "arn:aws:iam::".Length + ":root".Length
            ? entry["arn:aws:iam::".Length..^":root".Length]
            : null;

    // An account id (12 digits), or an IAM/STS ARN with an account (or AWS's "cloudfront" OAI form); no wildcards.
    private static bool IsValidAwsPrincipal(string value)
    {
        if (value.Length == 12 && value.All(char.IsAsciiDigit))
        {
            return true;
        }

        if (value.Contains('*') || value.Contains('?'))
        {
            return false;
        }

        var parts = value.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[1].StartsWith("aws", StringComparison.Ordinal) &&
            parts[2] is "iam" or "sts" && parts[3].Length == 0 && parts[4].Length > 0 && parts[5].Length > 0;
    }
}
