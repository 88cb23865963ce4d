using S3Emulator.Core.Policy;

namespace S3Emulator.Server.Authorization;

/// <summary>One authorization a request needed: the action asked and what the policies decided.</summary>
public sealed record RecordedDecision(string Action, AuthorizationDecision Decision)
{
    /// <summary>"s3:GetObject: Allow (…)": the action and the engine's own account of the decision.</summary>
    public override string ToString() => $"{Action}: {Decision.Explain()}";
}
