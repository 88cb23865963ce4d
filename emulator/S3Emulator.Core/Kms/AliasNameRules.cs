namespace S3Emulator.Core.Kms;

/// <summary>CreateAlias/UpdateAlias name rules (kms.md §2: AliasNameType, <c>alias/aws/</c> reserved).</summary>
internal static class AliasNameRules
{
    public const string AwsReservedPrefix = "alias/aws/";
    private const int MaxLength = 256;

    /// <summary>Throws the KMS error for a name a caller may not create or re-point.</summary>
    public static void EnsureCustomerAlias(string aliasName)
    {
        if (!aliasName.StartsWith(KmsIdentifier.AliasPrefix, StringComparison.Ordinal))
        {
            throw KmsErrors.AliasPrefixRequired();
        }

        if (aliasName.Length > MaxLength)
        {
            throw KmsErrors.ConstraintViolated(aliasName, "aliasName", $"Member must have length less than or equal to {MaxLength}");
        }

        if (aliasName.Length == KmsIdentifier.AliasPrefix.Length || !aliasName.All(IsAllowed))
        {
            throw KmsErrors.ConstraintViolated(aliasName, "aliasName", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        }

        if (aliasName.StartsWith(AwsReservedPrefix, StringComparison.Ordinal))
        {
            throw KmsErrors.ReservedAlias(aliasName);
        }
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '/' or '_' or '-';
}
