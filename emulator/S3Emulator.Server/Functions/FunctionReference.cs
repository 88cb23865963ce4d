using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace S3Emulator.Server.Functions;

/// <summary>
/// A Lambda function as an Object Lambda configuration or the emulator's configuration names it, in any form Lambda's
/// <c>FunctionName</c> accepts: <c>arn:aws:lambda:{region}:{account}:function:{name}</c>, <c>{account}:function:{name}</c>,
/// <c>function:{name}</c> or <c>{name}</c>, each with an optional <c>:$LATEST</c>, version or alias qualifier. A partial
/// form takes the region and account it lacks from the context it is read in (for an Object Lambda configuration, its
/// access point's).
/// </summary>
/// <param name="Partition">The ARN partition (<c>aws</c> unless a full ARN says otherwise).</param>
/// <param name="Region">The function's region.</param>
/// <param name="AccountId">The function's account.</param>
/// <param name="Name">The function name (1–64 letters, digits, <c>-</c> and <c>_</c>).</param>
/// <param name="Qualifier">The version or alias as written; null when unqualified.</param>
/// <param name="IsFullArn">Whether the text was a full ARN (named its region and account itself).</param>
internal sealed partial record FunctionReference(
    string Partition, string Region, string AccountId, string Name, string? Qualifier, bool IsFullArn)
{
    /// <summary>The qualifier Lambda runs when none is given.</summary>
    public const string Latest = "$LATEST";

    /// <summary>The full ARN, with the qualifier as written.</summary>
    public string Arn => UnqualifiedArn + (Qualifier is null ? "" : ":" + Qualifier);

    /// <summary><c>arn:{partition}:lambda:{region}:{account}:function:{name}</c>.</summary>
    public string UnqualifiedArn => $"arn:{Partition}:lambda:{Region}:{AccountId}:function:{Name}";

    /// <summary>
    /// The full ARN registrations are keyed by: <c>$LATEST</c> is what an unqualified name runs, so the two are one function.
    /// </summary>
    public string CanonicalArn => Qualifier is null or Latest ? UnqualifiedArn : Arn;

    /// <summary>Whether a qualifier other than <c>$LATEST</c> is given (an alias or version a registration may serve alone).</summary>
    public bool HasSpecificQualifier => Qualifier is not (null or Latest);

    /// <summary>This function without a qualifier.</summary>
    public FunctionReference Unqualified => this with { Qualifier = null };

    /// <summary>Reads <paramref name="text"/>; a partial form gets <paramref name="defaultRegion"/> and <paramref name="defaultAccountId"/>.</summary>
    public static bool TryParse(
        string? text, string defaultRegion, string defaultAccountId, [NotNullWhen(true)] out FunctionReference? reference)
    {
        reference = null;
        if (string.IsNullOrEmpty(text)) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        var partition = match.Groups["partition"];
        var region = match.Groups["region"];
        var account = match.Groups["account"];
        var qualifier = match.Groups["qualifier"];
        reference = new FunctionReference(
            partition.Success ? partition.Value : "aws",
            region.Success ? region.Value : defaultRegion,
            account.Success ? account.Value : defaultAccountId,
            match.Groups["name"].Value,
            qualifier.Success ? qualifier.Value : null,
            IsFullArn: region.Success);
        return true;
    }

    /// <summary>Reads a full function ARN only (what the admin endpoint's keys must be: they name their account).</summary>
    public static bool TryParseFullArn(string? text, [NotNullWhen(true)] out FunctionReference? reference)
    {
        if (TryParse(text, "", "", out reference) && reference.IsFullArn) return true;
        reference = null;
        return false;
    }

    public override string ToString() => Arn;

    // Lambda's FunctionName pattern, split into its named parts. A qualifier is $LATEST, a version (digits) or an alias.
    [GeneratedRegex(
        @"^(?:arn:(?<partition>aws[a-z-]*):lambda:(?<region>[a-z0-9-]+):(?<account>[0-9]{12}):function:|(?<account>[0-9]{12}):function:|function:)?"
        + @"(?<name>[A-Za-z0-9_-]{1,64})(?::(?<qualifier>\$LATEST|[A-Za-z0-9_-]{1,128}))?\z")]
    private static partial Regex Pattern();
}
