namespace S3Emulator.Core.Model;

/// <summary>A bucket and the settings stored with it.</summary>
public sealed record BucketInfo(string Name, string Region, string OwnerAccountId, DateTimeOffset CreationDate);
