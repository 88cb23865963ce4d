namespace S3Emulator.Core.Model;

/// <summary>A bucket and the settings stored with it.</summary>
/// <param name="Encryption">The bucket's default encryption configuration; null means S3's default (SSE-S3, nothing blocked).</param>
/// <param name="Policy">The bucket policy exactly as the client sent it (GetBucketPolicy returns it verbatim); null when none is set.</param>
/// <param name="PublicAccessBlock">The bucket-level Block Public Access settings; null when none are set (GetPublicAccessBlock answers 404).</param>
/// <param name="ObjectOwnership">The Object Ownership setting; null when the bucket has no ownership controls.</param>
public sealed record BucketInfo(
    string Name,
    string Region,
    string OwnerAccountId,
    DateTimeOffset CreationDate,
    BucketEncryption? Encryption = null,
    string? Policy = null,
    PublicAccessBlock? PublicAccessBlock = null,
    ObjectOwnership? ObjectOwnership = null);
