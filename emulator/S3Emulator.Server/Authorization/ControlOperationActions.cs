using System.Collections.Frozen;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Each S3 Control operation's IAM action and what it is evaluated on (Service Authorization Reference, "Actions
/// defined by Amazon S3"; public-access.md §1): access point actions on the access point's ARN, GetAccessPoint,
/// ListAccessPoints and the account's Block Public Access on <c>*</c>; Object Lambda access point actions (all
/// <c>s3:</c>, not <c>s3-object-lambda:</c>) on the Object Lambda access point's ARN, ListAccessPointsForObjectLambda on
/// <c>*</c>. DeletePublicAccessBlock needs
/// <c>s3:PutAccountPublicAccessBlock</c>, as AWS documents. A test asserts every served operation has a row.
/// </summary>
internal static class ControlOperationActions
{
    public static readonly FrozenDictionary<ControlOperation, ControlAction> Table = new Dictionary<ControlOperation, ControlAction>
    {
        [ControlOperation.CreateAccessPoint] = new("s3:CreateAccessPoint", ControlResource.AccessPoint),
        [ControlOperation.GetAccessPoint] = new("s3:GetAccessPoint", ControlResource.Any),
        [ControlOperation.DeleteAccessPoint] = new("s3:DeleteAccessPoint", ControlResource.AccessPoint),
        [ControlOperation.ListAccessPoints] = new("s3:ListAccessPoints", ControlResource.Any),
        [ControlOperation.PutAccessPointPolicy] = new("s3:PutAccessPointPolicy", ControlResource.AccessPoint),
        [ControlOperation.GetAccessPointPolicy] = new("s3:GetAccessPointPolicy", ControlResource.AccessPoint),
        [ControlOperation.DeleteAccessPointPolicy] = new("s3:DeleteAccessPointPolicy", ControlResource.AccessPoint),
        [ControlOperation.GetAccessPointPolicyStatus] = new("s3:GetAccessPointPolicyStatus", ControlResource.AccessPoint),
        [ControlOperation.PutPublicAccessBlock] = new("s3:PutAccountPublicAccessBlock", ControlResource.Any),
        [ControlOperation.GetPublicAccessBlock] = new("s3:GetAccountPublicAccessBlock", ControlResource.Any),
        [ControlOperation.DeletePublicAccessBlock] = new("s3:PutAccountPublicAccessBlock", ControlResource.Any),
        [ControlOperation.CreateAccessPointForObjectLambda] = new("s3:CreateAccessPointForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.GetAccessPointForObjectLambda] = new("s3:GetAccessPointForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.DeleteAccessPointForObjectLambda] = new("s3:DeleteAccessPointForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.ListAccessPointsForObjectLambda] = new("s3:ListAccessPointsForObjectLambda", ControlResource.Any),
        [ControlOperation.GetAccessPointConfigurationForObjectLambda] =
            new("s3:GetAccessPointConfigurationForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.PutAccessPointConfigurationForObjectLambda] =
            new("s3:PutAccessPointConfigurationForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.PutAccessPointPolicyForObjectLambda] = new("s3:PutAccessPointPolicyForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.GetAccessPointPolicyForObjectLambda] = new("s3:GetAccessPointPolicyForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.DeleteAccessPointPolicyForObjectLambda] =
            new("s3:DeleteAccessPointPolicyForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
        [ControlOperation.GetAccessPointPolicyStatusForObjectLambda] =
            new("s3:GetAccessPointPolicyStatusForObjectLambda", ControlResource.ObjectLambdaAccessPoint),
    }.ToFrozenDictionary();

    /// <summary>The resource ARN the action is evaluated on.</summary>
    public static string ResourceArn(ControlAction action, string region, string accountId, string? accessPointName) =>
        (action.Resource, accessPointName) switch
        {
            (ControlResource.AccessPoint, not null) => $"arn:aws:s3:{region}:{accountId}:accesspoint/{accessPointName}",
            (ControlResource.ObjectLambdaAccessPoint, not null) => $"arn:aws:s3-object-lambda:{region}:{accountId}:accesspoint/{accessPointName}",
            _ => "*",
        };
}

/// <summary>One row: the IAM action and the kind of resource it is evaluated on.</summary>
internal sealed record ControlAction(string Action, ControlResource Resource);

/// <summary>What a Control action is evaluated on.</summary>
internal enum ControlResource
{
    /// <summary><c>*</c>: actions with no resource type of their own.</summary>
    Any,

    /// <summary><c>arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME</c>.</summary>
    AccessPoint,

    /// <summary><c>arn:aws:s3-object-lambda:REGION:ACCOUNT:accesspoint/NAME</c> (the <c>objectlambdaaccesspoint</c> resource type).</summary>
    ObjectLambdaAccessPoint,
}
