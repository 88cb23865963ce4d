namespace S3Emulator.Core.Sts;

/// <summary>An STS error as the query protocol renders it: <c>&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>.</summary>
/// <param name="Code">The wire code (<c>ValidationError</c>, <c>AccessDenied</c>, …), not the SDK's exception name.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Message">The message.</param>
/// <param name="Type"><c>Sender</c> (the caller's fault) or <c>Receiver</c>.</param>
public sealed record StsError(string Code, int StatusCode, string Message, string Type = "Sender");

/// <summary>Ends an STS request with <see cref="Error"/>; only the STS service's envelope catches it.</summary>
public sealed class StsException(StsError error) : Exception(error.Message)
{
    /// <summary>The error to render.</summary>
    public StsError Error { get; } = error;
}
