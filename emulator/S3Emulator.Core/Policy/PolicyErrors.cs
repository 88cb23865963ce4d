namespace S3Emulator.Core.Policy;

/// <summary>
/// AWS's MalformedPolicy messages in one place. Texts come from AWS answers quoted in public reports (versitygw issues
/// #645–#650 and its error table, aws-cli #2779); the "Missing required field …" and "Unknown field …" forms follow the
/// observed "Missing required field Statement" pattern.
/// </summary>
internal static class PolicyErrors
{
    public const string FirstByte = "Policies must be valid JSON and the first byte must be '{'";
    public const string InvalidJson = "This policy contains invalid Json";
    public const string EmptyStatement = "Could not parse the policy: Statement is empty!";
    public const string InvalidVersion = "The policy must contain a valid version string";
    public const string InvalidAction = "Policy has invalid action";
    public const string InvalidResource = "Policy has invalid resource";
    public const string InvalidPrincipal = "Invalid principal in policy";
    public const string ResourceMismatch = "Action does not apply to any resource(s) in statement";
    public const string InvalidConditionKey = "Policy has an invalid condition key";
    public const string InvalidIpAddress = "Invalid IP address in Conditions";
    public const string InvalidSyntax = "Invalid policy syntax.";
    public const string TooLarge = "Policy exceeds the maximum allowed document size.";
    public const string ConditionMismatch = "Conditions do not apply to combination of actions and resources in statement";

    // IAM's MalformedPolicyDocument texts for identity and trust policies.
    public const string PrincipalNotAllowed = "Policy document should not specify a principal.";
    public const string ResourcesRequired = "Policy statement must contain resources.";
    public const string TrustActionsOnly = "AssumeRole policy may only specify STS AssumeRole actions.";
    public const string TrustResourceProhibited = "Has prohibited field Resource";

    public static MalformedPolicyException Malformed(string message) => new(message);

    public static MalformedPolicyException MissingField(string field) => new($"Missing required field {field}");

    public static MalformedPolicyException UnknownField(string field) => new($"Unknown field {field}");

    public static MalformedPolicyException InvalidEffect(string effect) => new($"Invalid effect: {effect}");

    public static MalformedPolicyException InvalidConditionType(string name) => new($"Invalid Condition type : {name}");
}
