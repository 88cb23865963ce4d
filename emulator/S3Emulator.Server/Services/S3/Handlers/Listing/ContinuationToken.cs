using System.Text;
using System.Text.Unicode;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.S3.Handlers.Listing;

/// <summary>
/// ListObjectsV2's opaque continuation token: the last key or common prefix of the previous page, behind
/// a version byte so that a token made up by a client is recognised as one and refused as S3 refuses it.
/// </summary>
internal static class ContinuationToken
{
    private const byte Version = 1;

    public static string Encode(string lastEntry)
    {
        var bytes = new byte[1 + Encoding.UTF8.GetByteCount(lastEntry)];
        bytes[0] = Version;
        Encoding.UTF8.GetBytes(lastEntry, bytes.AsSpan(1));
        return Convert.ToBase64String(bytes);
    }

    public static string Decode(string token)
    {
        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var written) || written < 2 || buffer[0] != Version
            || !Utf8.IsValid(buffer.AsSpan(1, written - 1)))
        {
            // An empty token is refused too, as S3 refuses it. S3 names the argument but does not echo its value.
            throw new S3Exception(S3Errors.InvalidArgument("The continuation token provided is incorrect"),
                S3Exception.Detail("ArgumentName", "continuation-token"));
        }
        return Encoding.UTF8.GetString(buffer, 1, written - 1);
    }
}
