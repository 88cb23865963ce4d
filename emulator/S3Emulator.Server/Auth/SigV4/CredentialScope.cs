using System.Diagnostics.CodeAnalysis;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>The parts of <c>AKID/20130524/us-east-1/s3/aws4_request</c>.</summary>
internal sealed record CredentialScope(string AccessKeyId, string Date, string Region, string Service, string Terminator)
{
    /// <summary>The scope as it appears in the string to sign: <c>date/region/service/aws4_request</c>.</summary>
    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    /// <summary>Splits a credential into its five parts; false when it does not have exactly five non-empty parts.</summary>
    public static bool TryParse(string? credential, [NotNullWhen(true)] out CredentialScope? scope)
    {
        scope = null;
        var parts = credential?.Split('/');
        if (parts is not { Length: 5 } || parts[1].Length != 8 || parts[1].AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                return false;
            }
        }

        scope = new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
        return true;
    }
}
