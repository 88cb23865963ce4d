using System.Collections.Frozen;

namespace S3Emulator.Server.Diagnostics;

/// <summary>
/// A request target as it may be logged: the query parameters that carry a signature, a credential, a session
/// token or an SSE-C key are left out (presigned SigV4 and SigV2 URLs carry them in the query string).
/// Everything else stays exactly as the client sent it, still percent-encoded, so a line is one line.
/// </summary>
internal static class LoggedTarget
{
    /// <summary>Matched case-insensitively against each parameter's percent-decoded name.</summary>
    private static readonly FrozenSet<string> SecretParameters = new[]
    {
        "X-Amz-Signature",
        "X-Amz-Credential",
        "X-Amz-Security-Token",
        "Signature",
        "AWSAccessKeyId",
        "x-amz-server-side-encryption-customer-key",
        "x-amz-server-side-encryption-customer-key-MD5",
        "x-amz-copy-source-server-side-encryption-customer-key",
        "x-amz-copy-source-server-side-encryption-customer-key-MD5",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string From(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return rawTarget;
        }
        var kept = rawTarget[(question + 1)..]
            .Split('&')
            .Where(parameter => !IsSecret(parameter));
        var query = string.Join('&', kept);
        return query.Length == 0 ? rawTarget[..question] : rawTarget[..(question + 1)] + query;
    }

    private static bool IsSecret(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? parameter : parameter[..equals];
        // Unescaping leaves a malformed escape as it is: "X-Amz-Signatur%65" is caught, "%zz" is kept verbatim.
        var decoded = Uri.UnescapeDataString(name);
        return SecretParameters.Contains(decoded.Trim());
    }
}
