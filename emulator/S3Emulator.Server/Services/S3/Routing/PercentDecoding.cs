using System.Buffers;
using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>
/// Percent-decoding that refuses what is not UTF-8 once decoded: overlong forms (<c>%C0%AE</c>), truncated
/// sequences, encoded surrogates (<c>%ED%A0%80</c>), stray continuation bytes. A lenient decoder keeps such
/// escapes literally, so <c>/b/%C0%AE</c> and <c>/b/%25C0%25AE</c> would name one stored key; S3 refuses them.
/// </summary>
internal static class PercentDecoding
{
    // Components up to this many characters decode in a stack buffer; longer ones rent one (keys may be 1 KiB of escapes).
    private const int StackBytes = 512;

    /// <summary>
    /// A path segment, bucket or query component as S3 reads it: a <c>%</c> without two hex digits stays literal;
    /// bytes that are not UTF-8 once decoded are S3's InvalidURI.
    /// </summary>
    public static string DecodeOrInvalidUri(string component) =>
        TryDecode(component, keepInvalidEscapes: true, out var decoded) ? decoded : throw new S3Exception(S3Errors.InvalidURI);

    /// <summary><see cref="DecodeOrInvalidUri(string)"/> of a slice of the raw target, allocating only the decoded text.</summary>
    public static string DecodeOrInvalidUri(ReadOnlySpan<char> component)
    {
        if (!component.Contains('%')) return component.ToString();
        return TryDecodeEscaped(component, keepInvalidEscapes: true, out var decoded) ? decoded : throw new S3Exception(S3Errors.InvalidURI);
    }

    /// <summary>
    /// Decodes <paramref name="component"/>; false when the decoded bytes are not UTF-8, or, unless
    /// <paramref name="keepInvalidEscapes"/>, when a <c>%</c> is not followed by two hex digits.
    /// </summary>
    public static bool TryDecode(string component, bool keepInvalidEscapes, out string decoded)
    {
        if (!component.Contains('%', StringComparison.Ordinal))
        {
            decoded = component;
            return true;
        }
        return TryDecodeEscaped(component, keepInvalidEscapes, out decoded);
    }

    private static bool TryDecodeEscaped(ReadOnlySpan<char> component, bool keepInvalidEscapes, out string decoded)
    {
        decoded = "";
        // Literal runs are UTF-8 encoded (at most 3 bytes a char), escapes are one byte each: never more than 3 per char.
        var maxBytes = component.Length * 3;
        byte[]? rented = null;
        var bytes = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = 0;
            var literalStart = 0;
            for (var i = 0; i < component.Length; i++)
            {
                if (component[i] != '%') continue;
                if (i + 2 >= component.Length || !IsHex(component[i + 1]) || !IsHex(component[i + 2]))
                {
                    if (!keepInvalidEscapes) return false;
                    continue;
                }
                length += Encoding.UTF8.GetBytes(component[literalStart..i], bytes[length..]);
                bytes[length++] = (byte)((HexValue(component[i + 1]) << 4) | HexValue(component[i + 2]));
                i += 2;
                literalStart = i + 1;
            }
            length += Encoding.UTF8.GetBytes(component[literalStart..], bytes[length..]);

            if (!StrictUtf8.TryDecode(bytes[..length], out var text)) return false;
            decoded = text;
            return true;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
