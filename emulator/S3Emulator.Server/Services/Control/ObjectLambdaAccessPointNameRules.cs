using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// The Object Lambda access point name rule of the S3 Control model (<c>ObjectLambdaAccessPointName</c>): 3–45
/// characters matching <c>^[a-z0-9]([a-z0-9\-]*[a-z0-9])?$</c>. Refused the way <see cref="AccessPointNameRules"/>
/// refuses an access point name: characters or a length no name may have as an unparsable URI, the rest as an
/// invalid name.
/// </summary>
internal static class ObjectLambdaAccessPointNameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 45;

    public static void Validate(string name)
    {
        if (name.Length is < MinLength or > MaxLength || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
        {
            throw new S3Exception(S3Errors.InvalidURI);
        }
        if (name.Contains('.') || name.StartsWith('-') || name.EndsWith('-'))
        {
            throw new S3Exception(S3Errors.InvalidObjectLambdaAccessPointName);
        }
    }
}
