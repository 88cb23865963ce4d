namespace S3Emulator.Server.Hosting;

/// <summary>
/// A configuration entry the emulator cannot start with; the message names the entry by its key
/// (<c>S3Emulator:Roles:0 'reader': …</c>) and says what to change, so a host prints it alone, without a stack trace.
/// </summary>
public sealed class S3EmulatorConfigurationException(string message) : InvalidOperationException(message);
