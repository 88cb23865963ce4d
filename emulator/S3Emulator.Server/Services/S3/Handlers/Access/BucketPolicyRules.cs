using System.Text.Json;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>
/// The seam between the bucket policy operations and the policy engine (S3Emulator.Core.Policy): validation as
/// PutBucketPolicy does it, and whether a policy is public (public-access.md §3).
/// </summary>
/// <remarks>
/// The engine is being built on another branch. Until it is merged this seam holds a minimal stand-in: AWS's
/// first two MalformedPolicy checks (first byte, valid JSON), a required Statement, and "public" meaning an
/// unconditioned Allow to <c>"*"</c> or <c>{"AWS":"*"}</c>. Once merged, <see cref="Validate"/> becomes
/// <c>PolicyDocument.Parse</c> + <c>PolicyValidation.ForBucket</c> (MalformedPolicyException → MalformedPolicy) and
/// <see cref="IsPublic"/> <c>PolicyPublicity.IsPublic(document, PolicyKind.Bucket)</c>.
/// </remarks>
internal static class BucketPolicyRules
{
    /// <summary>"Bucket policies are limited to 20 KB in size."</summary>
    public const int MaxBytes = 20 * 1024;

    /// <summary>Refuses a policy S3 would refuse for <paramref name="bucket"/>, with S3's MalformedPolicy message.</summary>
    public static void Validate(string json, string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        using var document = ParseJson(json);
        if (!document.RootElement.TryGetProperty("Statement", out _)) throw Malformed("Missing required field Statement");
    }

    /// <summary>Whether the (valid) policy counts as public.</summary>
    public static bool IsPublic(string json)
    {
        using var document = ParseJson(json);
        var statements = document.RootElement.GetProperty("Statement");
        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
        return list.Any(s =>
            s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String && effect.GetString() == "Allow"
            && !s.TryGetProperty("Condition", out _)
            && s.TryGetProperty("Principal", out var principal) && NamesEveryone(principal));
    }

    private static bool NamesEveryone(JsonElement principal) => principal.ValueKind switch
    {
        JsonValueKind.String => principal.GetString() == "*",
        JsonValueKind.Object => principal.TryGetProperty("AWS", out var aws) && NamesEveryone(aws),
        JsonValueKind.Array => principal.EnumerateArray().Any(NamesEveryone),
        _ => false,
    };

    private static JsonDocument ParseJson(string json)
    {
        if (json.Length == 0 || json[0] != '{') throw Malformed("Policies must be valid JSON and the first byte must be '{'");
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            throw Malformed("This policy contains invalid Json");
        }
    }

    private static S3Exception Malformed(string message) => new(S3Errors.MalformedPolicy(message));
}
