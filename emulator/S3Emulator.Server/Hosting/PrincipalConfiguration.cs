using System.Globalization;
using System.Text.RegularExpressions;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Policy;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// Builds the users and roles of <see cref="S3EmulatorOptions"/> into a <see cref="PrincipalDirectory"/>, reading
/// policy files and checking every policy, once at start-up. A bad entry stops the emulator with a message naming
/// it by its configuration key (<c>S3Emulator:Roles:0 'reader': TrustPolicy …</c>), never at the first request.
/// </summary>
internal static partial class PrincipalConfiguration
{
    /// <exception cref="S3EmulatorConfigurationException">An entry is invalid; the message names it.</exception>
    public static PrincipalDirectory Build(S3EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var users = new List<IamUser>();
        var credentials = options.EffectiveCredentials.ToList();
        for (var i = 0; i < credentials.Count; i++)
        {
            var credential = credentials[i];
            var entry = Entry(nameof(S3EmulatorOptions.Credentials), i, credential.UserName);
            var account = credential.AccountId is { Length: > 0 } a ? a : options.AccountId;
            if (credential.UserName.Length == 0)
            {
                if (credential.Policies.Count > 0) throw Bad(entry, "the account's root user takes no identity policies; give the key a UserName.");
                continue;
            }

            users.Add(new IamUser(account, credential.UserName, UniqueIds.Derived(UniqueIds.UserPrefix, account, credential.UserName),
                Policies(entry, credential.Policies, PolicyPlace.Identity)));
        }

        var roles = new List<IamRole>();
        for (var i = 0; i < options.Roles.Count; i++)
        {
            roles.Add(Role(options.Roles[i], Entry(nameof(S3EmulatorOptions.Roles), i, options.Roles[i].Name), options.AccountId));
        }

        try
        {
            return new PrincipalDirectory(users, roles);
        }
        catch (ArgumentException e)
        {
            throw new S3EmulatorConfigurationException($"{S3EmulatorOptions.SectionName}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static IamRole Role(RoleOptions role, string entry, string defaultAccount)
    {
        if (!RoleNamePattern().IsMatch(role.Name)) throw Bad(entry, "Name must be 1 to 64 characters of letters, digits and +=,.@_-.");
        var account = role.AccountId is { Length: > 0 } a ? a : defaultAccount;
        if (!IamArns.IsAccountId(account)) throw Bad(entry, $"AccountId '{account}' is not a 12-digit account id.");
        if (role.MaxSessionDurationSeconds is < IamRole.MinMaxSessionDuration or > IamRole.MaxMaxSessionDuration)
        {
            throw Bad(entry, "MaxSessionDurationSeconds must be between 3600 and 43200.");
        }

        if (role.RoleId is { Length: > 0 } id && !RoleIdPattern().IsMatch(id))
        {
            throw Bad(entry, $"RoleId '{id}' must be AROA followed by 12 to 124 upper-case letters and digits.");
        }

        var trust = role.TrustPolicy ?? throw Bad(entry, "TrustPolicy is missing: it says who may assume the role.");
        return new IamRole(
            role.Name, account, role.RoleId is { Length: > 0 } roleId ? roleId : UniqueIds.Derived(UniqueIds.RolePrefix, account, role.Name),
            Policies(entry, role.Policies, PolicyPlace.Identity),
            Policy($"{entry}: {nameof(RoleOptions.TrustPolicy)}", trust, $"trust policy of {role.Name}", PolicyPlace.Trust),
            role.MaxSessionDurationSeconds);
    }

    private static List<NamedPolicy> Policies(string entry, List<PolicyOptions> policies, PolicyPlace place)
    {
        var result = new List<NamedPolicy>();
        for (var i = 0; i < policies.Count; i++)
        {
            var name = policies[i].Name is { Length: > 0 } n ? n : string.Create(CultureInfo.InvariantCulture, $"policy{i}");
            if (result.Any(p => p.Name == name)) throw Bad(entry, $"two policies are named '{name}'.");
            result.Add(Policy(string.Create(CultureInfo.InvariantCulture, $"{entry}: Policies:{i} '{name}'"), policies[i], name, place));
        }

        return result;
    }

    private static NamedPolicy Policy(string entry, PolicyOptions policy, string name, PolicyPlace place)
    {
        var json = (policy.Document, policy.Path) switch
        {
            ({ Length: > 0 } document, null or "") => document,
            (null or "", { Length: > 0 } path) => File.Exists(path)
                ? File.ReadAllText(path)
                : throw Bad(entry, $"Path '{System.IO.Path.GetFullPath(path)}' does not exist."),
            (null or "", null or "") => throw Bad(entry, "give the policy as Document (JSON) or Path (a file)."),
            _ => throw Bad(entry, "give Document or Path, not both."),
        };
        if (ConfiguredPolicyCheck.Problem(json, place) is { } problem) throw Bad(entry, problem);
        return new NamedPolicy(name, json);
    }

    private static string Entry(string list, int index, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{S3EmulatorOptions.SectionName}:{list}:{index}") + (name.Length > 0 ? $" '{name}'" : "");

    private static S3EmulatorConfigurationException Bad(string entry, string problem) => new($"{entry}: {problem}");

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_-]{1,64}\z")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^AROA[A-Z0-9]{12,124}\z")]
    private static partial Regex RoleIdPattern();
}

/// <summary>Where a configured policy is attached, which decides what it must contain.</summary>
internal enum PolicyPlace
{
    Identity,
    Trust,
}

/// <summary>
/// The start-up check of a configured policy: the policy engine's parser, then the rules of where it is attached
/// (an identity policy names no Principal; a trust policy names one and only AssumeRole-family actions).
/// </summary>
internal static class ConfiguredPolicyCheck
{
    /// <summary>What is wrong with <paramref name="json"/> (AWS's MalformedPolicy text), or null.</summary>
    public static string? Problem(string json, PolicyPlace place)
    {
        try
        {
            var document = PolicyDocument.Parse(json);
            if (place == PolicyPlace.Trust) PolicyValidation.ForTrust(document);
            else PolicyValidation.ForIdentity(document);
            return null;
        }
        catch (MalformedPolicyException e)
        {
            return e.Message;
        }
    }
}
