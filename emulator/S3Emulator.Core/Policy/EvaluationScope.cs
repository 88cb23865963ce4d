namespace S3Emulator.Core.Policy;

/// <summary>
/// What conditions and variables read during one evaluation: the request context keys, then what the principal
/// itself says (<c>aws:username</c>, <c>aws:userid</c>, <c>aws:PrincipalAccount</c>, <c>aws:PrincipalArn</c>) when the
/// server did not set those keys.
/// </summary>
internal sealed class EvaluationScope(RequestContextKeys context, PolicyPrincipal principal) : IVariableSource
{
    /// <summary>A source with no values, for compiling constant policy values at parse time.</summary>
    public static readonly IVariableSource NoVariables = new Nothing();

    public PolicyPrincipal Principal => principal;

    public bool TryGetValues(string key, out IReadOnlyList<string> values)
    {
        if (context.TryGetValues(key, out values))
        {
            return true;
        }

        var fallback = principal.IsAnonymous ? null
            : Is(key, "aws:username") ? principal.UserName
            : Is(key, "aws:userid") ? principal.UserId
            : Is(key, "aws:PrincipalAccount") ? principal.AccountId
            : Is(key, "aws:PrincipalArn") ? PrincipalArn()
            : null;
        if (string.IsNullOrEmpty(fallback))
        {
            return false;
        }

        values = [fallback];
        return true;
    }

    private static bool Is(string key, string name) => key.Equals(name, StringComparison.OrdinalIgnoreCase);

    // aws:PrincipalArn of a session is its role ARN, not the session ARN (sts.md §5).
    private string PrincipalArn() =>
        principal.Arn.StartsWith("arn:aws:sts::", StringComparison.Ordinal) && principal.MatchingArns.Count > 1
            ? principal.MatchingArns[^1]
            : principal.Arn;

    public bool TryGetVariable(string name, out string value)
    {
        if (TryGetValues(name, out var values))
        {
            value = values[0];
            return true;
        }

        value = "";
        return false;
    }

    private sealed class Nothing : IVariableSource
    {
        public bool TryGetVariable(string name, out string value)
        {
            value = "";
            return false;
        }
    }
}
