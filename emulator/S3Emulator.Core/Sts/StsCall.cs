using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Sts;

/// <summary>An authenticated STS request.</summary>
/// <param name="Form">Its parameters.</param>
/// <param name="Caller">Who signed it.</param>
/// <param name="RequestId">The id the answer carries.</param>
/// <param name="RequestContext">
/// Context keys only the transport knows (<c>aws:SecureTransport</c>, <c>aws:SourceIp</c>); STS adds its own.
/// </param>
/// <param name="Decided">Told every policy decision (action, decision), for the journal; null ignores them.</param>
/// <param name="ExplainDenials">Whether an AccessDenied message also names the deciding policy and statement.</param>
public sealed record StsCall(
    StsForm Form,
    CallerIdentity Caller,
    string RequestId,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> RequestContext,
    Action<string, AuthorizationDecision>? Decided = null,
    bool ExplainDenials = false);
