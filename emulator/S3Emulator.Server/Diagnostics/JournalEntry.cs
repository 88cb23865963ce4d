using S3Emulator.Server.Authorization;

namespace S3Emulator.Server.Diagnostics;

/// <summary>
/// One served request as the journal records it. Holds no secret and no body: keys, signatures and
/// object content never reach the journal.
/// </summary>
/// <param name="Decisions">
/// The authorizations the request needed, each with the statements that decided it (or "no statement allowed");
/// empty when the request was refused before authorization or needs none.
/// </param>
/// <param name="Invocation">The Object Lambda function the request invoked (function, host, duration, outcome); null for other requests.</param>
public sealed record JournalEntry(
    DateTimeOffset Time,
    string RequestId,
    string Method,
    string Operation,
    string? Bucket,
    string? Key,
    string? Principal,
    int StatusCode,
    string? ErrorCode,
    TimeSpan Duration,
    IReadOnlyList<RecordedDecision>? Decisions = null,
    Services.ObjectLambda.ObjectLambdaInvocationRecord? Invocation = null)
{
    /// <summary>The decision that settled the request: the refusing one, else the last allowing one; null when none was made.</summary>
    public RecordedDecision? Decision => Decisions is not { Count: > 0 } all ? null : all.FirstOrDefault(d => !d.Decision.IsAllowed) ?? all[^1];
}
