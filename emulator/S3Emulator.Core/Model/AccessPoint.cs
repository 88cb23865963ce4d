namespace S3Emulator.Core.Model;

/// <summary>
/// An S3 access point (S3 Control CreateAccessPoint): a named entry to one bucket with its own policy and
/// Block Public Access settings. Its name is unique within its account; its alias is unique everywhere.
/// </summary>
/// <param name="Name">The access point's name, unique within <paramref name="AccountId"/>.</param>
/// <param name="AccountId">The account that owns the access point (the S3 Control request's <c>x-amz-account-id</c>).</param>
/// <param name="Bucket">The bucket it gives access to.</param>
/// <param name="BucketAccountId">The account that owns <paramref name="Bucket"/> (another account for a cross-account access point).</param>
/// <param name="NetworkOrigin"><see cref="AccessPointNetworkOrigin.Vpc"/> when created with a VPC configuration.</param>
/// <param name="VpcId">The VPC a <see cref="AccessPointNetworkOrigin.Vpc"/> access point is restricted to; null for Internet.</param>
/// <param name="PublicAccessBlock">Set once at creation and never changed; all four flags on unless the request said otherwise.</param>
/// <param name="Policy">The access point policy exactly as the client sent it; null when none is set.</param>
/// <param name="Alias">The bucket-style alias (<c>{name}-{metadata}-s3alias</c>), generated once at creation.</param>
/// <param name="CreationDate">When the access point was created.</param>
public sealed record AccessPoint(
    string Name,
    string AccountId,
    string Bucket,
    string BucketAccountId,
    AccessPointNetworkOrigin NetworkOrigin,
    string? VpcId,
    PublicAccessBlock PublicAccessBlock,
    string? Policy,
    string Alias,
    DateTimeOffset CreationDate) : Storage.Accounts.IAccountResource
{
    /// <summary>The access point's ARN, <c>arn:aws:s3:{region}:{account}:accesspoint/{name}</c>.</summary>
    public string Arn(string region) => $"arn:aws:s3:{region}:{AccountId}:accesspoint/{Name}";
}

/// <summary>Where an access point accepts requests from; names as S3 Control spells them on the wire.</summary>
public enum AccessPointNetworkOrigin
{
    Internet,
    Vpc,
}
