namespace S3Emulator.Core.Policy;

/// <summary>Size limits AWS documents for policy documents.</summary>
public static class PolicyLimits
{
    /// <summary>"Bucket policies are limited to 20 KB in size" (S3 user guide, example-bucket-policies); access point policies share it.</summary>
    public const int BucketPolicyMaxBytes = 20 * 1024;

    /// <summary>An inline session policy passed to AssumeRole: at most 2048 characters (sts.md §3).</summary>
    public const int SessionPolicyMaxChars = 2048;

    /// <summary>A managed identity policy: at most 6144 characters (IAM quotas).</summary>
    public const int ManagedPolicyMaxChars = 6144;

    /// <summary>A KMS key policy: at most 32 KB.</summary>
    public const int KeyPolicyMaxBytes = 32 * 1024;

    /// <summary>The message MinIO and S3-compatible servers answer for an oversized policy (AWS's exact code and text are unconfirmed).</summary>
    public const string TooLargeMessage = PolicyErrors.TooLarge;
}
