using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// AWS's access point naming rules (S3 user guide, "Naming rules for access points"): 3–50 characters of lowercase
/// letters, digits and hyphens, beginning and ending with a letter or digit, not starting with <c>xn--</c> and not
/// ending with <c>-s3alias</c>. A name with characters no name may hold is refused as an unparsable URI, one that
/// breaks the other rules as an invalid name, as S3 Control answers them.
/// </summary>
internal static class AccessPointNameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 50;

    public static void Validate(string name)
    {
        if (name.Length is < MinLength or > MaxLength || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
        {
            throw new S3Exception(S3Errors.InvalidURI);
        }
        if (name.Contains('.') || name.StartsWith('-') || name.EndsWith('-') || name.StartsWith("xn--", StringComparison.Ordinal)
            || name.EndsWith(AccessPointAlias.Suffix, StringComparison.Ordinal))
        {
            throw new S3Exception(S3Errors.InvalidAccessPointName);
        }
    }
}
