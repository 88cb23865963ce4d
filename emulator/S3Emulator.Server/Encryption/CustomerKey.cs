namespace S3Emulator.Server.Encryption;

/// <summary>
/// An SSE-C key as a request supplied it: the 32 raw bytes and the base64 MD5 the client sent (echoed
/// back in responses). Lives only for the request; it is never stored, logged or put in an error.
/// </summary>
internal sealed class CustomerKey(byte[] key, string keyMd5)
{
    public ReadOnlySpan<byte> Key => key;

    public string KeyMd5 { get; } = keyMd5;

    /// <summary>Keeps the key out of any accidental string conversion (logs, exception messages).</summary>
    public override string ToString() => "SSE-C key (redacted)";
}
