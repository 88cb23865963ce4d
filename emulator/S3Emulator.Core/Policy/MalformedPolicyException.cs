namespace S3Emulator.Core.Policy;

/// <summary>
/// A policy document AWS would refuse. <see cref="Exception.Message"/> is AWS's own text (for S3 the
/// <c>MalformedPolicy</c> message, e.g. "Policy has invalid resource"), so the server can pass it on unchanged.
/// </summary>
public sealed class MalformedPolicyException(string message) : Exception(message);
