namespace S3Emulator.Server.Services.Control;

/// <summary>The S3 Control operations the emulator serves, named exactly as the AWS API names them.</summary>
internal enum ControlOperation
{
    /// <summary>A path under <c>/v20180820/</c> the emulator does not serve: answered NotImplemented.</summary>
    Unknown,
    CreateAccessPoint,
    GetAccessPoint,
    DeleteAccessPoint,
    ListAccessPoints,
    PutAccessPointPolicy,
    GetAccessPointPolicy,
    DeleteAccessPointPolicy,
    GetAccessPointPolicyStatus,
    PutPublicAccessBlock,
    GetPublicAccessBlock,
    DeletePublicAccessBlock,
    CreateAccessPointForObjectLambda,
    GetAccessPointForObjectLambda,
    DeleteAccessPointForObjectLambda,
    ListAccessPointsForObjectLambda,
    GetAccessPointConfigurationForObjectLambda,
    PutAccessPointConfigurationForObjectLambda,
    PutAccessPointPolicyForObjectLambda,
    GetAccessPointPolicyForObjectLambda,
    DeleteAccessPointPolicyForObjectLambda,
    GetAccessPointPolicyStatusForObjectLambda,
}
