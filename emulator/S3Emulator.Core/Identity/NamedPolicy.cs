namespace S3Emulator.Core.Identity;

/// <summary>
/// A policy attached to a user or role (identity or trust policy) or passed to AssumeRole (session policy), kept as
/// the JSON text it was given in. The policy engine parses it (<c>S3Emulator.Core.Policy.PolicyDocument.Parse</c>);
/// start-up has already refused text that is not a JSON object, naming the configuration entry.
/// </summary>
/// <param name="Name">The inline name (or, for a trust or session policy, a descriptive one) the policy is reported by.</param>
/// <param name="Json">The policy document.</param>
public sealed record NamedPolicy(string Name, string Json);
