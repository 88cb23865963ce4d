namespace S3Emulator.Core.Model;

/// <summary>
/// One level's Block Public Access settings (account, bucket or access point). The effective value of a flag is
/// the OR of the levels that apply (<see cref="Or"/>); a level with no configuration contributes nothing.
/// </summary>
/// <param name="BlockPublicAcls">Refuses writes that carry a public ACL.</param>
/// <param name="IgnorePublicAcls">Public grants in ACLs grant nothing.</param>
/// <param name="BlockPublicPolicy">Refuses a public bucket or access-point policy.</param>
/// <param name="RestrictPublicBuckets">A public policy admits only the owner's account and AWS service principals.</param>
public sealed record PublicAccessBlock(
    bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    /// <summary>All four flags on: how AWS creates buckets since April 2023 and access points by default.</summary>
    public static PublicAccessBlock AllBlocked { get; } = new(true, true, true, true);

    /// <summary>The flags of this level combined with another's: each flag is on when either level turns it on.</summary>
    public PublicAccessBlock Or(PublicAccessBlock? other) => other is null
        ? this
        : new(
            BlockPublicAcls || other.BlockPublicAcls,
            IgnorePublicAcls || other.IgnorePublicAcls,
            BlockPublicPolicy || other.BlockPublicPolicy,
            RestrictPublicBuckets || other.RestrictPublicBuckets);
}
