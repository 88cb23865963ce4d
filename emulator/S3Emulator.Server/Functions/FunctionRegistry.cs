using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Functions;

/// <summary>
/// Which functions exist: those of <see cref="S3EmulatorOptions.Functions"/> (checked once, at start-up) and the HTTP
/// functions registered at run time (<c>PUT /_s3emulator/functions</c>), which take precedence over configured
/// entries of the same ARN. Resolves what an Object Lambda configuration names to one of them.
/// </summary>
internal sealed class FunctionRegistry
{
    /// <summary>Lambda's limits on a function's timeout, and the default Object Lambda functions get.</summary>
    public const int MinTimeoutSeconds = 1, MaxTimeoutSeconds = 900, DefaultTimeoutSeconds = 60;

    private readonly string _region;
    private readonly string _accountId;
    private readonly FrozenDictionary<string, RegisteredFunction> _configured;
    private readonly Lock _registering = new();

    // Replaced whole under _registering, read without a lock.
    private ImmutableDictionary<string, RegisteredFunction> _registered = ImmutableDictionary.Create<string, RegisteredFunction>(StringComparer.Ordinal);

    /// <exception cref="S3EmulatorConfigurationException">A function entry is invalid; the message names it.</exception>
    public FunctionRegistry(S3EmulatorOptions options, PrincipalDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        _region = options.Region;
        _accountId = options.AccountId;
        var configured = new Dictionary<string, (RegisteredFunction Function, string Entry)>(StringComparer.Ordinal);
        for (var i = 0; i < options.Functions.Count; i++)
        {
            var entry = string.Create(CultureInfo.InvariantCulture, $"{S3EmulatorOptions.SectionName}:{nameof(S3EmulatorOptions.Functions)}:{i}")
                + (options.Functions[i].Arn is { Length: > 0 } arn ? $" '{arn}'" : "");
            var function = Configured(options.Functions[i], entry, directory);
            if (configured.TryGetValue(function.Reference.CanonicalArn, out var earlier))
            {
                throw new S3EmulatorConfigurationException($"{entry}: the function {function.Reference.CanonicalArn} is already configured by {earlier.Entry}.");
            }

            configured.Add(function.Reference.CanonicalArn, (function, entry));
        }

        _configured = configured.ToFrozenDictionary(p => p.Key, p => p.Value.Function, StringComparer.Ordinal);
    }

    /// <summary>
    /// Finds the function <paramref name="reference"/> names; a partial ARN or bare name is read in
    /// <paramref name="region"/> and <paramref name="accountId"/> (the Object Lambda access point's; null: the
    /// emulator's). A qualified name (<c>:alias</c>, <c>:7</c>) runs a registration of exactly that qualifier, else the
    /// function's unqualified one; <c>:$LATEST</c> and no qualifier are the same.
    /// </summary>
    public bool TryResolve(string reference, string? region, string? accountId, [NotNullWhen(true)] out ResolvedFunction? resolved)
    {
        resolved = null;
        if (!FunctionReference.TryParse(reference, region ?? _region, accountId ?? _accountId, out var parsed)) return false;
        var function = Find(parsed.CanonicalArn) ?? (parsed.HasSpecificQualifier ? Find(parsed.Unqualified.CanonicalArn) : null);
        if (function is null) return false;
        resolved = new ResolvedFunction(parsed.Arn, function);
        return true;
    }

    /// <summary>Every HTTP function, configured or registered at run time: canonical ARN → URL, sorted by ARN.</summary>
    public IReadOnlyDictionary<string, string> HttpFunctions()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (arn, function) in _configured)
        {
            if (function.Url is { } url) map[arn] = url.OriginalString;
        }

        foreach (var (arn, function) in _registered) map[arn] = function.Url!.OriginalString;
        return map;
    }

    /// <summary>
    /// Registers (or re-points) HTTP functions, all at once. A function also configured keeps its configured role and
    /// timeout; others get no role and <see cref="DefaultTimeoutSeconds"/>. Returns <see cref="HttpFunctions"/> after.
    /// </summary>
    public IReadOnlyDictionary<string, string> RegisterHttpFunctions(IEnumerable<KeyValuePair<FunctionReference, Uri>> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        lock (_registering)
        {
            var registered = _registered.ToBuilder();
            foreach (var (reference, url) in functions)
            {
                var configured = _configured.GetValueOrDefault(reference.CanonicalArn)
                    ?? (reference.HasSpecificQualifier ? _configured.GetValueOrDefault(reference.Unqualified.CanonicalArn) : null);
                registered[reference.CanonicalArn] = new RegisteredFunction(
                    reference, FunctionHostKind.Http, url, Handler: null, configured?.RoleArn,
                    configured?.Timeout ?? TimeSpan.FromSeconds(DefaultTimeoutSeconds));
            }

            _registered = registered.ToImmutable();
        }

        return HttpFunctions();
    }

    private RegisteredFunction? Find(string canonicalArn) =>
        _registered.GetValueOrDefault(canonicalArn) ?? _configured.GetValueOrDefault(canonicalArn);

    private RegisteredFunction Configured(FunctionOptions options, string entry, PrincipalDirectory directory)
    {
        if (options.Arn is not { Length: > 0 }) throw Bad(entry, "Arn is missing: give the function's ARN or name.");
        if (!FunctionReference.TryParse(options.Arn, _region, _accountId, out var reference))
        {
            throw Bad(entry, $"Arn '{options.Arn}' is not a Lambda function ARN or name "
                + "(arn:aws:lambda:{region}:{account}:function:{name}[:qualifier], or the name alone).");
        }

        if (options.TimeoutSeconds is < MinTimeoutSeconds or > MaxTimeoutSeconds)
        {
            throw Bad(entry, $"TimeoutSeconds must be between {MinTimeoutSeconds} and {MaxTimeoutSeconds}, as Lambda allows.");
        }

        if (options.Role is { Length: > 0 } role && !directory.TryGetRole(role, out _))
        {
            throw Bad(entry, $"Role '{role}' is not a configured role: give the ARN (arn:aws:iam::{{account}}:role/{{name}}) of an entry of {S3EmulatorOptions.SectionName}:{nameof(S3EmulatorOptions.Roles)}.");
        }

        var (kind, url) = (options.Url, options.Handler) switch
        {
            ({ Length: > 0 }, not null) => throw Bad(entry, "give Url (an HTTP function) or Handler (a function hosted beside the emulator), not both."),
            (null or "", null) => throw Bad(entry, "give Url (an HTTP function the emulator POSTs the event to) or, in code, Handler."),
            ({ Length: > 0 } text, null) => RegisteredFunction.TryParseUrl(text, out var parsed)
                ? (FunctionHostKind.Http, parsed)
                : throw Bad(entry, $"Url '{text}' is not an absolute http or https URL."),
            _ => options.HostKind != FunctionHostKind.Http
                ? (options.HostKind, null)
                : throw Bad(entry, "HostKind Http needs a Url; a Handler runs in-process or as a plug-in."),
        };
        if (options.Policy is { Length: > 0 } policy)
        {
            try
            {
                PolicyDocument.Parse(policy);
            }
            catch (MalformedPolicyException malformed)
            {
                throw Bad(entry, $"Policy is not a valid resource policy: {malformed.Message}");
            }
        }
        return new RegisteredFunction(reference, kind, url, options.Handler, options.Role is { Length: > 0 } r ? r : null,
            TimeSpan.FromSeconds(options.TimeoutSeconds))
        {
            Policy = options.Policy is { Length: > 0 } p ? p : null,
        };
    }

    private static S3EmulatorConfigurationException Bad(string entry, string problem) => new($"{entry}: {problem}");
}
