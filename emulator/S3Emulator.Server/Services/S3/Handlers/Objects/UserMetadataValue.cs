using System.Globalization;
using System.Text;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>
/// User metadata values as S3 keeps them (UsingMetadata.html): RFC 2047 encoded words are decoded before the value
/// is stored, and a stored value with any character outside printable ASCII is RFC 2047-encoded (UTF-8, base64)
/// when returned, so a response header is always ASCII. ASCII values pass through both ways unchanged.
/// </summary>
internal static class UserMetadataValue
{
    private const string EncodedPrefix = "=?UTF-8?B?";
    private const string EncodedSuffix = "?=";

    /// <summary>The value to store for a header value as received.</summary>
    public static string Decode(string headerValue)
    {
        if (!headerValue.Contains("=?", StringComparison.Ordinal)) return headerValue;
        var decoded = new StringBuilder(headerValue.Length);
        var position = 0;
        var afterEncodedWord = false;
        while (position < headerValue.Length)
        {
            var start = headerValue.IndexOf("=?", position, StringComparison.Ordinal);
            if (start < 0) break;
            if (!TryDecodeWord(headerValue, start, out var word, out var end))
            {
                decoded.Append(headerValue, position, start + 2 - position);
                position = start + 2;
                afterEncodedWord = false;
                continue;
            }
            var between = headerValue.AsSpan(position, start - position);
            // RFC 2047 §6.2: white space between two adjacent encoded words is not displayed.
            if (!(afterEncodedWord && between.IsWhiteSpace())) decoded.Append(between);
            decoded.Append(word);
            position = end;
            afterEncodedWord = true;
        }
        decoded.Append(headerValue, position, headerValue.Length - position);
        return decoded.ToString();
    }

    /// <summary>The header value to send for a stored value.</summary>
    public static string Encode(string storedValue) =>
        storedValue.All(c => c is >= ' ' and <= '~' or '\t')
            ? storedValue
            : EncodedPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(storedValue)) + EncodedSuffix;

    // =?charset?B|Q?text?= ; an unknown charset or a malformed word stays as it was sent (RFC 2047 §6.3).
    private static bool TryDecodeWord(string value, int start, out string word, out int end)
    {
        word = "";
        end = 0;
        var charsetEnd = value.IndexOf('?', start + 2);
        if (charsetEnd < 0 || charsetEnd + 2 >= value.Length || value[charsetEnd + 2] != '?') return false;
        var textEnd = value.IndexOf("?=", charsetEnd + 3, StringComparison.Ordinal);
        if (textEnd < 0) return false;
        var encoding = Charset(value[(start + 2)..charsetEnd]);
        var text = value[(charsetEnd + 3)..textEnd];
        if (encoding is null || text.Contains(' ', StringComparison.Ordinal)) return false;
        var bytes = char.ToUpperInvariant(value[charsetEnd + 1]) switch
        {
            'B' => FromBase64(text),
            'Q' => FromQuoted(text),
            _ => null,
        };
        if (bytes is null) return false;
        try
        {
            word = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        end = textEnd + 2;
        return true;
    }

    private static Encoding? Charset(string name)
    {
        // RFC 2231 lets a language follow the charset: UTF-8*en.
        var star = name.IndexOf('*', StringComparison.Ordinal);
        var charset = star < 0 ? name : name[..star];
        return charset.ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => StrictUtf8.Encoding,
            "US-ASCII" => Encoding.ASCII,
            "ISO-8859-1" or "LATIN1" => Encoding.Latin1,
            _ => null,
        };
    }

    private static byte[]? FromBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }

    // Q encoding: "_" is a space, "=XX" a byte in hex, anything else itself.
    private static byte[]? FromQuoted(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '=')
            {
                if (i + 2 >= text.Length
                    || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return null;
                }
                bytes.Add(b);
                i += 2;
            }
            else if (c > '~')
            {
                return null;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        return [.. bytes];
    }
}
