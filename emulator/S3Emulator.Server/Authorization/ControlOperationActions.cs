using System.Collections.Frozen;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Each S3 Control operation's IAM action and what it is evaluated on (Service Authorization Reference, "Actions
/// defined by Amazon S3"; public-access.md §1): access point actions on the access point's ARN, GetAccessPoint,
/// ListAccessPoints and the account's Block Public Access on <c>*</c>. DeletePublicAccessBlock needs
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
    }.ToFrozenDictionary();

    /// <summary>The resource ARN the action is evaluated on.</summary>
    public static string ResourceArn(ControlAction action, string region, string accountId, string? accessPointName) =>
        action.Resource == ControlResource.AccessPoint && accessPointName is not null
            ? $"arn:aws:s3:{region}:{accountId}:accesspoint/{accessPointName}"
            : "*";
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
}
