namespace S3Emulator.Server.Envelope;

/// <summary>The APIs one emulator endpoint serves; the <see cref="FrontRouter"/> picks one per request.</summary>
internal enum ServiceKind
{
    /// <summary>Amazon S3's REST API: buckets, objects, access points by ARN host or alias.</summary>
    S3,

    /// <summary>The S3 Control API (<c>/v20180820/…</c>): access points and account-level settings.</summary>
    S3Control,

    /// <summary>Requests through an S3 Object Lambda access point (signing name <c>s3-object-lambda</c>).</summary>
    ObjectLambda,

    /// <summary>The KMS JSON 1.1 API (<c>X-Amz-Target: TrentService.*</c>).</summary>
    Kms,

    /// <summary>AWS STS's query API (<c>POST /</c> signed for service <c>sts</c>).</summary>
    Sts,

    /// <summary>The emulator's own endpoints under <c>/_s3emulator/</c>.</summary>
    Admin,
}
