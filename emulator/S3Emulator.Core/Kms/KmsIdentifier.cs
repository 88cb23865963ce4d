using System.Diagnostics.CodeAnalysis;

namespace S3Emulator.Core.Kms;

/// <summary>The four ways a caller names a key (kms.md §2), told apart before anything is looked up.</summary>
internal enum KmsIdentifierKind
{
    KeyId,
    KeyArn,
    AliasName,
    AliasArn,
}

/// <summary>A parsed <c>KeyId</c> input: the kind, the bare key id or alias name, and the ARN's region and account when given.</summary>
internal sealed record KmsIdentifier(KmsIdentifierKind Kind, string Value, string? Region, string? AccountId)
{
    public const string AliasPrefix = "alias/";

    public bool IsAlias => Kind is KmsIdentifierKind.AliasName or KmsIdentifierKind.AliasArn;

    /// <summary>Classifies <paramref name="input"/>; false when it is no key id, key ARN, alias name or alias ARN.</summary>
    public static bool TryParse(string input, [NotNullWhen(true)] out KmsIdentifier? identifier)
    {
        identifier = null;
        if (input.StartsWith(AliasPrefix, StringComparison.Ordinal))
        {
            identifier = new KmsIdentifier(KmsIdentifierKind.AliasName, input, null, null);
            return true;
        }

        if (!input.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (!IsKeyId(input)) return false;
            identifier = new KmsIdentifier(KmsIdentifierKind.KeyId, input.ToLowerInvariant(), null, null);
            return true;
        }

        // arn:partition:kms:region:account:key/id | alias/name — the resource may itself contain ':'.
        var parts = input.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "kms" || parts[3].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }

        var resource = parts[5];
        if (resource.StartsWith("key/", StringComparison.Ordinal) && IsKeyId(resource[4..]))
        {
            identifier = new KmsIdentifier(KmsIdentifierKind.KeyArn, resource[4..].ToLowerInvariant(), parts[3], parts[4]);
            return true;
        }

        if (resource.StartsWith(AliasPrefix, StringComparison.Ordinal))
        {
            identifier = new KmsIdentifier(KmsIdentifierKind.AliasArn, resource, parts[3], parts[4]);
            return true;
        }

        return false;
    }

    /// <summary>A UUID in its 8-4-4-4-12 form, or a multi-Region id (<c>mrk-</c> and 32 hex digits).</summary>
    public static bool IsKeyId(string value) =>
        (value.Length == 36 && Guid.TryParseExact(value, "D", out _))
        || (value.Length == 36 && value.StartsWith("mrk-", StringComparison.Ordinal) && value[4..].All(char.IsAsciiHexDigit));
}
