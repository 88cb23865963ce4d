using System.Globalization;

namespace S3Emulator.Core.Sts;

/// <summary>
/// Every STS error the emulator answers, with AWS's codes, statuses and texts (../shared/spec/sts.md §3, §4, §6).
/// Nothing else makes an <see cref="StsError"/>.
/// </summary>
public static class StsErrors
{
    /// <summary>The version every STS SDK sends.</summary>
    public const string ApiVersion = "2011-06-15";

    /// <summary>No <c>Action</c> parameter (text <b>unconfirmed</b>: AWS's common query-API error).</summary>
    public static readonly StsError MissingAction = new("MissingAction", 400, "Missing Action");

    /// <summary>The caller is an account's root user, which AssumeRole refuses.</summary>
    public static readonly StsError RootMayNotAssumeRoles = new("AccessDenied", 403, "Roles may not be assumed by root accounts.");

    /// <summary>A request signed with session credentials whose session has ended (STS answers 403, not the modeled 400).</summary>
    public static readonly StsError ExpiredToken = new("ExpiredToken", 403, "The security token included in the request is expired");

    /// <summary>An unknown access key, or a session token that does not open.</summary>
    public static readonly StsError InvalidClientTokenId = new("InvalidClientTokenId", 403, "The security token included in the request is invalid.");

    /// <summary>An unsigned request.</summary>
    public static readonly StsError MissingAuthenticationToken = new("MissingAuthenticationToken", 403, "Request is missing Authentication Token");

    /// <summary>The signature does not verify.</summary>
    public static readonly StsError SignatureDoesNotMatch = new("SignatureDoesNotMatch", 403,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
        + "Consult the service documentation for details.");

    /// <summary>Request time more than 15 minutes from the server's.</summary>
    public static readonly StsError RequestExpired = new("SignatureDoesNotMatch", 403, "Signature expired: the request time is more than 15 minutes away from the server time.");

    /// <summary>An <c>Authorization</c> header STS cannot read (the S3 verifier's reason as the message).</summary>
    public static StsError IncompleteSignature(string message) => new("IncompleteSignature", 400, message);

    /// <summary>The credential scope names another region.</summary>
    public static StsError WrongRegion(string region) =>
        new("SignatureDoesNotMatch", 403, $"Credential should be scoped to a valid region, not '{region}'. ");

    /// <summary>An action STS does not have (or the emulator does not serve), or another API version.</summary>
    public static StsError InvalidAction(string action, string? version) =>
        new("InvalidAction", 400, $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}");

    /// <summary>One or more model-constraint violations, or a rule such as the role's maximum session duration.</summary>
    public static StsError ValidationError(string message) => new("ValidationError", 400, message);

    /// <summary>A parameter that satisfies the model but not the service (duplicate tag keys, transitive keys not tagged).</summary>
    public static StsError InvalidParameterValue(string message) => new("InvalidParameterValue", 400, message);

    /// <summary>A session policy that does not parse (the policy engine's message).</summary>
    public static StsError MalformedPolicyDocument(string message) => new("MalformedPolicyDocument", 400, message);

    /// <summary>Session policy and tags together over the packed limit.</summary>
    public static StsError PackedPolicyTooLarge(int percent) =>
        new("PackedPolicyTooLarge", 400, string.Create(CultureInfo.InvariantCulture, $"Packed policy consumes {percent}% of allotted space"));

    /// <summary>The trust policy (or, cross-account, the caller's policy) does not allow <paramref name="action"/>; also a role that does not exist.</summary>
    public static StsError NotAuthorized(string callerArn, string action, string resourceArn) =>
        new("AccessDenied", 403, $"User: {callerArn} is not authorized to perform: {action} on resource: {resourceArn}");

    /// <summary>A body larger than any STS request needs.</summary>
    public static StsError RequestTooLarge(int limit) =>
        new("ValidationError", 400, string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {limit} bytes any STS request needs."));

    /// <summary>The emulator failed; the journal and the log say why.</summary>
    public static readonly StsError InternalFailure = new("InternalFailure", 500, "The request processing has failed because of an unknown error, exception or failure.", "Receiver");
}
