using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>What a request asks for, decided from method, host and raw target alone.</summary>
/// <param name="Operation">The S3 operation.</param>
/// <param name="Bucket">The bucket, or null for service-level requests.</param>
/// <param name="Key">The object key, decoded, exactly as the client named it; null below object level.</param>
/// <param name="RawPath">The path exactly as sent (still percent-encoded); SigV4 signs this.</param>
/// <param name="Query">The decoded query parameters.</param>
/// <param name="VirtualHosted">Whether the bucket came from the Host header.</param>
public sealed record S3Request(
    S3Operation Operation,
    string? Bucket,
    string? Key,
    string RawPath,
    QueryParameters Query,
    bool VirtualHosted)
{
    /// <summary>
    /// The access point the request came through (by ARN host or alias), set by <see cref="AccessPointResolver"/>;
    /// <see cref="Bucket"/> is then the access point's bucket. Null for requests addressed to a bucket.
    /// </summary>
    public AccessPoint? AccessPoint { get; init; }

    public ResourceLevel Level => Key is not null ? ResourceLevel.Object : Bucket is not null ? ResourceLevel.Bucket : ResourceLevel.Service;

    /// <summary>The resource named in error bodies: <c>/bucket/key</c> as S3 shows it.</summary>
    public string Resource => Bucket is null ? "/" : Key is null ? $"/{Bucket}" : $"/{Bucket}/{Key}";
}
