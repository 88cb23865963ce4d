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
    /// <summary>
    /// A path segment, bucket or query component as S3 reads it: a <c>%</c> without two hex digits stays literal;
    /// bytes that are not UTF-8 once decoded are S3's InvalidURI.
    /// </summary>
    public static string DecodeOrInvalidUri(string component) =>
        TryDecode(component, keepInvalidEscapes: true, out var decoded) ? decoded : throw new S3Exception(S3Errors.InvalidURI);

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

        decoded = "";
        var bytes = new List<byte>(component.Length);
        var literalStart = 0;
        for (var i = 0; i < component.Length; i++)
        {
            if (component[i] != '%') continue;
            if (i + 2 >= component.Length || !IsHex(component[i + 1]) || !IsHex(component[i + 2]))
            {
                if (!keepInvalidEscapes) return false;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(component[literalStart..i]));
            bytes.Add((byte)((HexValue(component[i + 1]) << 4) | HexValue(component[i + 2])));
            i += 2;
            literalStart = i + 1;
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(component[literalStart..]));

        if (!StrictUtf8.TryDecode(bytes.ToArray(), out var text)) return false;
        decoded = text;
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
