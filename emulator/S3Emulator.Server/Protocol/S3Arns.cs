namespace S3Emulator.Server.Protocol;

/// <summary>The ARNs S3 names buckets and objects by (policies, denials, the SSE-KMS encryption context).</summary>
internal static class S3Arns
{
    public static string Bucket(string bucket) => $"arn:aws:s3:::{bucket}";

    public static string Object(string bucket, string key) => $"arn:aws:s3:::{bucket}/{key}";
}
