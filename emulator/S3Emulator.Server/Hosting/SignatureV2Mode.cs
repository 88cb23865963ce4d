namespace S3Emulator.Server.Hosting;

/// <summary>How requests signed with AWS Signature Version 2 (<c>Authorization: AWS AKID:signature</c>, or the
/// <c>AWSAccessKeyId</c>/<c>Signature</c>/<c>Expires</c> query of older presigned URLs) are answered.</summary>
public enum SignatureV2Mode
{
    /// <summary>
    /// As Amazon S3 answers for every bucket created since June 2020: 400 <c>InvalidRequest</c> "The authorization
    /// mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."
    /// </summary>
    Reject,

    /// <summary>Verified (HMAC-SHA1 over S3's SigV2 string to sign), as older buckets in older regions still do.</summary>
    Accept,
}
