using S3Emulator.Core.Model;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3.Handlers.Encryption;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>
/// A bucket as AWS creates it since April 2023: the default encryption, every Block Public Access flag on and
/// ObjectOwnership BucketOwnerEnforced (ACLs disabled). CreateBucket and the configured initial buckets both start here.
/// </summary>
internal static class BucketDefaults
{
    public static BucketInfo New(string name, string region, string ownerAccountId, DateTimeOffset creationDate, S3EmulatorOptions options) =>
        new(name, region, ownerAccountId, creationDate, BucketEncryptionDefaults.For(options))
        {
            PublicAccessBlock = PublicAccessBlock.AllBlocked,
            ObjectOwnership = ObjectOwnership.BucketOwnerEnforced,
        };
}
