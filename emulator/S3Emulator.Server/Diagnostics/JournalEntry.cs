namespace S3Emulator.Server.Diagnostics;

/// <summary>
/// One served request as the journal records it. Holds no secret and no body: keys, signatures and
/// object content never reach the journal.
/// </summary>
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
    TimeSpan Duration);
