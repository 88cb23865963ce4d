using System.Globalization;
using System.Text.RegularExpressions;

namespace S3Emulator.Core.Sts;

/// <summary>
/// The parameters of AssumeRole, validated against the STS model before anything else (../shared/spec/sts.md §3):
/// SDKs send whatever they are given, so the emulator refuses what STS refuses, with STS's texts.
/// </summary>
public sealed partial record AssumeRoleRequest(
    string RoleArn,
    string RoleSessionName,
    int? DurationSeconds,
    string? Policy,
    IReadOnlyList<string> PolicyArns,
    string? ExternalId,
    string? SourceIdentity,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<string> TransitiveTagKeys,
    string? SerialNumber,
    string? TokenCode)
{
    /// <summary>The default session length.</summary>
    public const int DefaultDurationSeconds = 3600;

    /// <summary>The shortest and longest session the model allows.</summary>
    public const int MinDurationSeconds = 900, MaxDurationSeconds = 43200;

    /// <summary>The longest inline session policy, in characters.</summary>
    public const int MaxPolicyLength = 2048;

    private const int MaxTags = 50;

    /// <summary>Reads and validates the form; throws <see cref="StsException"/> with STS's error.</summary>
    public static AssumeRoleRequest From(StsForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        var roleArn = form.Get("RoleArn");
        var sessionName = form.Get("RoleSessionName");
        var durationText = form.Get("DurationSeconds");
        var policy = form.Get("Policy");
        var externalId = form.Get("ExternalId");
        var sourceIdentity = form.Get("SourceIdentity");
        var tags = form.List("Tags", prefix => KeyValuePair.Create(form.Get(prefix + ".Key") ?? "", form.Get(prefix + ".Value") ?? ""));
        var transitive = form.List("TransitiveTagKeys", prefix => form.Get(prefix) ?? "");
        var policyArns = form.List("PolicyArns", prefix => form.Get(prefix + ".arn") ?? "");

        if (roleArn is null) errors.Null("roleArn");
        else errors.Length(roleArn, "roleArn", 20, 2048);
        if (sessionName is null)
        {
            errors.Null("roleSessionName");
        }
        else
        {
            errors.Length(sessionName, "roleSessionName", 2, 64);
            if (!SessionNamePattern().IsMatch(sessionName)) errors.Add(sessionName, "roleSessionName", @"satisfy regular expression pattern: [\w+=,.@-]*");
        }

        var duration = Duration(durationText, errors);
        if (policy is not null)
        {
            errors.Length(policy, "policy", 1, MaxPolicyLength);
            if (!PolicyCharacters().IsMatch(policy)) errors.Add(policy, "policy", @"satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+");
        }

        if (externalId is not null)
        {
            errors.Length(externalId, "externalId", 2, 1224);
            if (!ExternalIdPattern().IsMatch(externalId)) errors.Add(externalId, "externalId", @"satisfy regular expression pattern: [\w+=,.@:\/-]*");
        }

        if (sourceIdentity is not null)
        {
            errors.Length(sourceIdentity, "sourceIdentity", 2, 64);
            if (!SessionNamePattern().IsMatch(sourceIdentity)) errors.Add(sourceIdentity, "sourceIdentity", @"satisfy regular expression pattern: [\w+=,.@-]*");
        }

        ValidateTags(tags, errors);
        if (policyArns.Count > 10) errors.Add("[…]", "policyArns", "have length less than or equal to 10");
        errors.ThrowIfAny();
        // Not a model constraint: STS's own check, with its own short text (sts.md §3).
        if (roleArn!.Split(':').Length < 6 || !roleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new StsException(StsErrors.ValidationError($"{roleArn} is invalid"));
        }

        EnsureTagsConsistent(tags, transitive);

        return new AssumeRoleRequest(roleArn!, sessionName!, duration, policy, policyArns, externalId, sourceIdentity, tags, transitive,
            form.Get("SerialNumber"), form.Get("TokenCode"));
    }

    private static int? Duration(string? text, ValidationErrors errors)
    {
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            // Emulator's choice: AWS's answer to a non-number is not documented.
            errors.Add(text, "durationSeconds", "be a number");
            return null;
        }

        if (seconds < MinDurationSeconds) errors.Add(text, "durationSeconds", "have value greater than or equal to 900");
        if (seconds > MaxDurationSeconds) errors.Add(text, "durationSeconds", "have value less than or equal to 43200");
        return seconds;
    }

    private static void ValidateTags(IReadOnlyList<KeyValuePair<string, string>> tags, ValidationErrors errors)
    {
        if (tags.Count > MaxTags) errors.Add("[…]", "tags", "have length less than or equal to 50");
        for (var i = 0; i < tags.Count; i++)
        {
            var (key, value) = tags[i];
            var member = string.Create(CultureInfo.InvariantCulture, $"tags.{i + 1}.member");
            errors.Length(key, member + ".key", 1, 128);
            if (!TagPattern().IsMatch(key)) errors.Add(key, member + ".key", @"satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+");
            errors.Length(value, member + ".value", 0, 256);
            if (!TagPattern().IsMatch(value)) errors.Add(value, member + ".value", @"satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]*");
        }
    }

    private static void EnsureTagsConsistent(IReadOnlyList<KeyValuePair<string, string>> tags, IReadOnlyList<string> transitive)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (tags.Any(tag => !keys.Add(tag.Key)))
        {
            throw new StsException(StsErrors.InvalidParameterValue("Duplicate tag keys found. Please note that Tag keys are case insensitive."));
        }

        if (transitive.Any(key => !keys.Contains(key)))
        {
            throw new StsException(StsErrors.InvalidParameterValue("The specified transitive tag key must be included in the requested tags."));
        }
    }

    // The model's [\w+=,.@-]*, with \w as Java reads it (ASCII letters, digits, underscore).
    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]*\z")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@:/-]*\z")]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"^[\u0009\u000A\u000D\u0020-\u00FF]+\z")]
    private static partial Regex PolicyCharacters();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z")]
    private static partial Regex TagPattern();
}
