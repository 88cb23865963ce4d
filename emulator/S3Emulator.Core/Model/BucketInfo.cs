namespace S3Emulator.Core.Model;

/// <summary>A bucket and the settings stored with it.</summary>
/// <param name="Encryption">The bucket's default encryption configuration; null means S3's default (SSE-S3, nothing blocked).</param>
public sealed record BucketInfo(
    string Name, string Region, string OwnerAccountId, DateTimeOffset CreationDate, BucketEncryption? Encryption = null);
