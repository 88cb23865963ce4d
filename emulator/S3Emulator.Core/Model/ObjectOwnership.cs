namespace S3Emulator.Core.Model;

/// <summary>A bucket's Object Ownership setting (PutBucketOwnershipControls); names as S3 spells them on the wire.</summary>
public enum ObjectOwnership
{
    /// <summary>ACLs are disabled; the bucket owner owns every object. The default for buckets created since April 2023.</summary>
    BucketOwnerEnforced,

    /// <summary>ACLs apply; the bucket owner owns uploads that carry <c>bucket-owner-full-control</c>.</summary>
    BucketOwnerPreferred,

    /// <summary>ACLs apply; the uploading account owns the object.</summary>
    ObjectWriter,
}
