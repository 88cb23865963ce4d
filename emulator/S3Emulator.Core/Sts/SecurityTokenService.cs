using System.Globalization;
using System.Text.Json;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Sts;

/// <summary>
/// STS's AssumeRole and GetCallerIdentity over the query protocol (../shared/spec/sts.md), without HTTP: a form
/// and a caller in, the XML answer out, or an <see cref="StsException"/>. Checks run in this order: action and
/// version, parameter validation, root caller, session policy syntax and size, role and trust policy, duration.
/// </summary>
public sealed class SecurityTokenService(PrincipalDirectory directory, SessionTokenSealer sealer, IStsPolicyChecks policies, TimeProvider time)
{
    /// <summary>The actions served.</summary>
    public const string AssumeRoleAction = "AssumeRole", GetCallerIdentityAction = "GetCallerIdentity";

    // AWS does not document how it packs session policies and tags; 2048 plain characters is the documented budget.
    private const int PackedBudget = 2048;

    // A session made by a session (role chaining) lasts at most an hour.
    private const int ChainedMaxSeconds = 3600;

    /// <summary>The action a form names (for the journal), or null when it names none.</summary>
    public static string? ActionOf(StsForm form) => form?.Get("Action");

    /// <summary>Answers <paramref name="call"/> with the XML body of a 200 response.</summary>
    /// <exception cref="StsException">STS's error for the request.</exception>
    public string Handle(StsCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var action = call.Form.Get("Action");
        if (string.IsNullOrEmpty(action)) throw new StsException(StsErrors.MissingAction);
        var version = call.Form.Get("Version");
        if (version != StsErrors.ApiVersion) throw new StsException(StsErrors.InvalidAction(action, version));
        return action switch
        {
            AssumeRoleAction => AssumeRole(call),
            // Needs no permission: not even an explicit deny stops it.
            GetCallerIdentityAction => StsXml.GetCallerIdentityResponse(call.Caller, call.RequestId),
            _ => throw new StsException(StsErrors.InvalidAction(action, version)),
        };
    }

    private string AssumeRole(StsCall call)
    {
        var request = AssumeRoleRequest.From(call.Form);
        var caller = call.Caller;
        if (caller.Kind == CallerKind.Root) throw new StsException(StsErrors.RootMayNotAssumeRoles);
        if (request.Policy is not null) policies.ValidateSessionPolicy(request.Policy);
        if (request.PolicyArns.Count > 0)
        {
            // Emulator's choice: there are no managed policies to look up, and ignoring them would grant too much.
            throw new StsException(StsErrors.InvalidParameterValue(
                "PolicyArns are not supported by the emulator (it has no managed policies); pass the session policy inline as Policy."));
        }

        var tags = InheritedTags(caller, request);
        var packed = PackedPercent(request.Policy, tags);
        if (packed > 100) throw new StsException(StsErrors.PackedPolicyTooLarge(packed));

        // A role that does not exist is refused exactly as a trust policy refuses, naming the ARN as given.
        if (!directory.TryGetRole(request.RoleArn, out var role))
        {
            throw new StsException(StsErrors.NotAuthorized(caller.Arn, "sts:AssumeRole", request.RoleArn));
        }

        // STS writes Expiration to the second; the token expires exactly when the answer says.
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var context = TrustContext(call, request, tags, now);
        EnsureAllowed(call, role, "sts:AssumeRole", context, needed: true);
        EnsureAllowed(call, role, "sts:TagSession", context, request.Tags.Count > 0);
        EnsureAllowed(call, role, "sts:SetSourceIdentity", context, request.SourceIdentity is not null);

        var duration = request.DurationSeconds ?? AssumeRoleRequest.DefaultDurationSeconds;
        if (duration > role.MaxSessionDurationSeconds)
        {
            throw new StsException(StsErrors.ValidationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));
        }

        if (caller.Kind == CallerKind.AssumedRole && duration > ChainedMaxSeconds)
        {
            throw new StsException(StsErrors.ValidationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."));
        }

        var claims = new SessionClaims(
            UniqueIds.NewSessionAccessKeyId(), UniqueIds.NewSecretAccessKey(), role.AccountId, role.Arn, role.Name, role.RoleId,
            request.RoleSessionName, request.Policy,
            caller.Session?.SourceIdentity ?? request.SourceIdentity, // a source identity persists through chained sessions
            tags, TransitiveKeys(caller, request), now, now.AddSeconds(duration));
        return StsXml.AssumeRoleResponse(claims, sealer.Seal(claims), packed, call.RequestId);
    }

    private void EnsureAllowed(
        StsCall call, IamRole role, string action, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> context, bool needed)
    {
        if (!needed) return;
        var decision = policies.Decide(new RoleAccessCheck(call.Caller, role, action, context));
        call.Decided?.Invoke(action, decision);
        if (!decision.IsAllowed)
        {
            // STS's plain sentence (sts.md §4: when AWS adds "because no role trust policy allows…" is unconfirmed).
            var error = StsErrors.NotAuthorized(call.Caller.Arn, action, role.Arn);
            throw new StsException(call.ExplainDenials ? error with { Message = error.Message + AccessDeniedMessage.Explanation(decision) } : error);
        }
    }

    // The calling session's transitive tags pass on and cannot be overridden (IAM User Guide, "Chaining roles with session tags").
    private static IReadOnlyList<KeyValuePair<string, string>> InheritedTags(CallerIdentity caller, AssumeRoleRequest request)
    {
        if (caller.Session is not { TransitiveTagKeys.Count: > 0 } session) return request.Tags;
        var inherited = session.Tags.Where(t => session.TransitiveTagKeys.Contains(t.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (request.Tags.Any(t => inherited.Any(i => string.Equals(i.Key, t.Key, StringComparison.OrdinalIgnoreCase))))
        {
            throw new StsException(StsErrors.InvalidParameterValue(
                "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session."));
        }

        return [.. inherited, .. request.Tags];
    }

    private static IReadOnlyList<string> TransitiveKeys(CallerIdentity caller, AssumeRoleRequest request) =>
        [.. caller.Session?.TransitiveTagKeys ?? [], .. request.TransitiveTagKeys];

    // Emulator's packing: the policy without insignificant whitespace plus every tag's key and value, against 2048 characters.
    private static int PackedPercent(string? policy, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var size = (policy is null ? 0 : Minified(policy).Length) + tags.Sum(t => t.Key.Length + t.Value.Length);
        return (int)Math.Ceiling(100.0 * size / PackedBudget);
    }

    private static string Minified(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static List<KeyValuePair<string, IReadOnlyList<string>>> TrustContext(
        StsCall call, AssumeRoleRequest request, IReadOnlyList<KeyValuePair<string, string>> tags, DateTimeOffset now)
    {
        var caller = call.Caller;
        var context = new List<KeyValuePair<string, IReadOnlyList<string>>>(call.RequestContext);
        void Add(string key, string? value)
        {
            if (value is not null) context.Add(KeyValuePair.Create(key, (IReadOnlyList<string>)[value]));
        }

        Add("aws:PrincipalArn", caller.PrincipalArn);
        Add("aws:PrincipalAccount", caller.AccountId);
        Add("aws:PrincipalType", caller.PrincipalType);
        Add("aws:userid", caller.UserId);
        Add("aws:username", caller.UserName);
        Add("aws:SourceIdentity", caller.Session?.SourceIdentity);
        Add("aws:CurrentTime", StsXml.Timestamp(now));
        Add("aws:MultiFactorAuthPresent", request.SerialNumber is not null && request.TokenCode is not null ? "true" : "false");
        Add("sts:RoleSessionName", request.RoleSessionName);
        Add("sts:ExternalId", request.ExternalId);
        Add("sts:SourceIdentity", request.SourceIdentity);
        foreach (var (key, value) in caller.Session?.Tags ?? []) Add($"aws:PrincipalTag/{key}", value);
        foreach (var (key, value) in tags) Add($"aws:RequestTag/{key}", value);
        if (tags.Count > 0) context.Add(KeyValuePair.Create("aws:TagKeys", (IReadOnlyList<string>)[.. tags.Select(t => t.Key)]));
        if (request.TransitiveTagKeys.Count > 0) context.Add(KeyValuePair.Create("sts:TransitiveTagKeys", request.TransitiveTagKeys));
        return context;
    }
}
