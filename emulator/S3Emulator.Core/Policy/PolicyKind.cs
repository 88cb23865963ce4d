namespace S3Emulator.Core.Policy;

/// <summary>Where a policy is attached; decides which side of the evaluation it belongs to and how a denial names it.</summary>
public enum PolicyKind
{
    /// <summary>A user's or role's identity-based policy.</summary>
    Identity,

    /// <summary>A session policy passed to AssumeRole; it only narrows the role's identity policies.</summary>
    Session,

    /// <summary>A bucket policy (resource-based).</summary>
    Bucket,

    /// <summary>An access point policy (resource-based).</summary>
    AccessPoint,

    /// <summary>An Object Lambda access point policy (resource-based).</summary>
    ObjectLambdaAccessPoint,

    /// <summary>A role's trust policy (resource-based, evaluated for sts:AssumeRole).</summary>
    RoleTrust,

    /// <summary>A KMS key policy (resource-based).</summary>
    KeyPolicy,

    /// <summary>A Lambda function's resource-based policy (what Lambda's AddPermission builds): who else may invoke it.</summary>
    Function,
}

/// <summary>The effect a statement declares.</summary>
public enum PolicyEffect
{
    /// <summary>The statement grants.</summary>
    Allow,

    /// <summary>The statement refuses, and wins over every Allow.</summary>
    Deny,
}

/// <summary>The tri-state outcome of an authorization: AWS tells an explicit deny from "nothing allowed".</summary>
public enum DecisionEffect
{
    /// <summary>Every resource check was allowed and nothing denied.</summary>
    Allow,

    /// <summary>A matching Deny statement decided.</summary>
    ExplicitDeny,

    /// <summary>No statement allowed the request.</summary>
    ImplicitDeny,
}

/// <summary>Why a request was refused; each value maps to one of AWS's AccessDenied sentences.</summary>
public enum DenialReason
{
    /// <summary>"because no identity-based policy allows the … action".</summary>
    NoIdentityPolicyAllows,

    /// <summary>"because no resource-based policy allows the … action".</summary>
    NoResourcePolicyAllows,

    /// <summary>"because no session policy allows the … action".</summary>
    NoSessionPolicyAllows,

    /// <summary>"with an explicit deny in an identity-based policy".</summary>
    ExplicitDenyInIdentityPolicy,

    /// <summary>"with an explicit deny in a resource-based policy".</summary>
    ExplicitDenyInResourcePolicy,

    /// <summary>"with an explicit deny in a session policy".</summary>
    ExplicitDenyInSessionPolicy,
}
