using System.Buffers;
using System.Text;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>RFC 3986 percent-encoding as SigV4 requires: unreserved <c>A-Za-z0-9-_.~</c> kept, everything else <c>%XX</c> (uppercase) of its UTF-8 bytes.</summary>
internal static class UriEncoding
{
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    public static string Encode(string value)
    {
        // Most names and values (X-Amz-Date, X-Amz-Expires, hex signatures) need no escape: they are their own encoding.
        if (!value.AsSpan().ContainsAnyExcept(Unreserved))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        AppendEncoded(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends the encoding of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static void AppendEncoded(StringBuilder builder, string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Unreserved))
        {
            builder.Append(value);
            return;
        }

        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }
    }

    /// <summary>Percent-decodes; invalid escapes are kept literally and <c>+</c> stays a plus (S3 clients encode spaces as <c>%20</c>).</summary>
    public static string Decode(string value) => value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;

    /// <summary><see cref="Decode(string)"/> of a slice of the raw target.</summary>
    public static string Decode(ReadOnlySpan<char> value) => value.Contains('%') ? Uri.UnescapeDataString(value) : value.ToString();

    private const string HexUpper = "0123456789ABCDEF";

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
