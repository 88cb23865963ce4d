using System.Text;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>RFC 3986 percent-encoding as SigV4 requires: unreserved <c>A-Za-z0-9-_.~</c> kept, everything else <c>%XX</c> (uppercase) of its UTF-8 bytes.</summary>
internal static class UriEncoding
{
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Percent-decodes; invalid escapes are kept literally and <c>+</c> stays a plus (S3 clients encode spaces as <c>%20</c>).</summary>
    public static string Decode(string value) => value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
