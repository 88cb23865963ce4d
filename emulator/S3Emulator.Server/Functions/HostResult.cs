namespace S3Emulator.Server.Functions;

/// <summary>How a host's run of a function ended, before the invoker adds the function, the host kind and the duration.</summary>
internal readonly record struct HostResult(FunctionOutcome Outcome, string? PayloadJson, string? ErrorType)
{
    public static HostResult TimedOut { get; } = new(FunctionOutcome.TimedOut, null, null);

    public static HostResult Unreachable { get; } = new(FunctionOutcome.Unreachable, null, null);

    public static HostResult Failed(string? errorType) => new(FunctionOutcome.Failed, null, errorType);

    /// <summary>A return value; nothing, blanks and JSON <c>null</c> (what a handler returning nothing sends) are no payload.</summary>
    public static HostResult Returned(string? payloadJson) =>
        new(FunctionOutcome.Returned, string.IsNullOrWhiteSpace(payloadJson) || payloadJson.Trim() == "null" ? null : payloadJson, null);
}
