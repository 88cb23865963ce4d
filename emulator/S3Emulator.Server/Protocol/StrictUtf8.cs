using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace S3Emulator.Server.Protocol;

/// <summary>
/// UTF-8 that refuses what is not UTF-8 (overlong forms, encoded surrogates, truncated sequences, stray continuation
/// bytes) instead of turning it into U+FFFD: two different byte strings must never decode to one text.
/// </summary>
internal static class StrictUtf8
{
    /// <summary>An immutable encoding object: shared safely by every emulator in the process.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text)
    {
        try
        {
            text = Encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }
}
