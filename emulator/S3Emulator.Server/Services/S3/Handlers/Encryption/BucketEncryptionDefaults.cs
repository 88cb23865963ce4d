using S3Emulator.Core.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Services.S3.Handlers.Encryption;

/// <summary>The default encryption a bucket starts with, and returns to after DeleteBucketEncryption.</summary>
internal static class BucketEncryptionDefaults
{
    public static BucketEncryption For(S3EmulatorOptions options) => new(
        BucketEncryption.SseS3, KmsMasterKeyId: null, BucketKeyEnabled: false,
        options.BlockSseCOnNewBuckets ? [BucketEncryption.BlockedSseC] : []);

    /// <summary>The configuration in force: buckets stored without one have S3's base SSE-S3 default.</summary>
    public static BucketEncryption Effective(BucketInfo bucket) =>
        bucket.Encryption ?? new BucketEncryption(BucketEncryption.SseS3, null, false, []);
}
