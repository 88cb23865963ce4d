using System.Collections.Frozen;
using S3Emulator.Server.Encryption;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// The text that explains a failed signature (a SigV4 canonical request, a SigV2 string to sign) with every SSE-C
/// key and session token withheld. S3 echoes each signed header there; neither secret may reach an error body all the
/// same. The key's MD5, which S3 echoes on success too, stays.
/// </summary>
internal static class WithheldSecrets
{
    public const string Marker = "(withheld)";

    private static readonly FrozenSet<string> Names = new[]
    {
        SseHeaders.CustomerKey,
        SseHeaders.ForCopySource(SseHeaders.CustomerKey, copySource: true),
        SigningCredentials.TokenHeader, // also X-Amz-Security-Token in a presigned URL: names compare case-insensitively
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each <c>name:value</c> line and each <c>name=value</c> query parameter that carries a key, its value withheld.</summary>
    public static string From(string signingText) => string.Join('\n', signingText.Split('\n').Select(Line));

    private static string Line(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Names.Contains(line[..colon])) return line[..(colon + 1)] + Marker;
        return line.Contains('=', StringComparison.Ordinal) ? string.Join('&', line.Split('&').Select(Parameter)) : line;
    }

    // A presigned URL may carry the key as a query parameter of the canonical query string.
    private static string Parameter(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && Names.Contains(UriEncoding.Decode(parameter[..equals])) ? parameter[..(equals + 1)] + Marker : parameter;
    }
}
