using S3Emulator.Core.Policy;
using S3Emulator.Core.Sts;

namespace S3Emulator.Core.Tests.Sts;

/// <summary>Stands in for the policy engine: allows what <see cref="Allow"/> says and records every question.</summary>
internal sealed class FakeStsPolicyChecks : IStsPolicyChecks
{
    public Func<RoleAccessCheck, bool> Allow { get; set; } = _ => true;

    public List<RoleAccessCheck> Checks { get; } = [];

    public void ValidateSessionPolicy(string json)
    {
        if (!json.StartsWith('{')) throw new StsException(StsErrors.MalformedPolicyDocument("Policies must be valid JSON and the first byte must be '{'"));
    }

    public AuthorizationDecision Decide(RoleAccessCheck check)
    {
        Checks.Add(check);
        return Allow(check)
            ? new AuthorizationDecision { Effect = DecisionEffect.Allow, Statements = [] }
            : new AuthorizationDecision { Effect = DecisionEffect.ImplicitDeny, Statements = [], Reason = DenialReason.NoResourcePolicyAllows, EvaluatedPolicies = ["trust"] };
    }

    public IReadOnlyList<string>? ContextValue(string key) =>
        Checks.Last().Context.LastOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
