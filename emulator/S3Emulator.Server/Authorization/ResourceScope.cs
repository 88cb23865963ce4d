namespace S3Emulator.Server.Authorization;

/// <summary>What an operation's IAM action is evaluated on.</summary>
internal enum ResourceScope
{
    /// <summary>No resource of its own (ListBuckets): <c>arn:aws:s3:::*</c>.</summary>
    Service,

    /// <summary>The bucket: <c>arn:aws:s3:::bucket</c>.</summary>
    Bucket,

    /// <summary>The object: <c>arn:aws:s3:::bucket/key</c>.</summary>
    Object,

    /// <summary>
    /// Every object of the bucket at once, <c>arn:aws:s3:::bucket/*</c>: a multi-object delete, which S3 decides key by
    /// key and the emulator decides for the request as a whole (docs/compatibility.md).
    /// </summary>
    AllObjects,
}
