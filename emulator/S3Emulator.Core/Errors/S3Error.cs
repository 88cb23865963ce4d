namespace S3Emulator.Core.Errors;

/// <summary>An S3 error as the wire shows it: the error code, the HTTP status and the message.</summary>
public sealed record S3Error(string Code, int StatusCode, string Message);
