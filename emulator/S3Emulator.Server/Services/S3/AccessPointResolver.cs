using System.Collections.Frozen;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3;

/// <summary>
/// After classification, finds the access point a request is addressed to — by ARN host label
/// (<c>{name}-{account}</c>, <see cref="AccessPointHosts"/>) or by alias (<c>…-s3alias</c>, path-style or
/// virtual-hosted) — and turns the request into one on the access point's bucket that carries the access point.
/// A label that names no access point is an ordinary bucket name, except on AWS's own access point host. Operations
/// S3 does not serve through access points ("Access point compatibility", S3 user guide) are refused.
/// </summary>
internal sealed class AccessPointResolver(IAccountStore accounts)
{
    /// <summary>The operations the S3 user guide lists as compatible with access points (S3 bucket data source).</summary>
    public static readonly FrozenSet<S3Operation> Supported = new[]
    {
        S3Operation.AbortMultipartUpload, S3Operation.CompleteMultipartUpload, S3Operation.CopyObject, S3Operation.CreateMultipartUpload,
        S3Operation.DeleteObject, S3Operation.DeleteObjects, S3Operation.DeleteObjectTagging, S3Operation.GetBucketAcl,
        S3Operation.GetBucketCors, S3Operation.GetBucketLocation, S3Operation.GetBucketNotificationConfiguration,
        S3Operation.GetBucketPolicy, S3Operation.GetObject, S3Operation.GetObjectAcl, S3Operation.GetObjectAttributes,
        S3Operation.GetObjectLegalHold, S3Operation.GetObjectRetention, S3Operation.GetObjectTagging, S3Operation.HeadBucket,
        S3Operation.HeadObject, S3Operation.ListMultipartUploads, S3Operation.ListObjects, S3Operation.ListObjectsV2,
        S3Operation.ListObjectVersions, S3Operation.ListParts, S3Operation.PutObject, S3Operation.PutObjectAcl,
        S3Operation.PutObjectLegalHold, S3Operation.PutObjectRetention, S3Operation.PutObjectTagging, S3Operation.RestoreObject,
        S3Operation.UploadPart, S3Operation.UploadPartCopy,
    }.ToFrozenSet();

    public async ValueTask<S3Request> ResolveAsync(S3Request request, string host, CancellationToken cancellationToken)
    {
        if (request.Bucket is not { } label) return request;
        AccessPoint? accessPoint = null;
        if (request.VirtualHosted && AccessPointHosts.TrySplitLabel(label, out var name, out var accountId))
        {
            accessPoint = await accounts.GetAccessPointAsync(accountId, name, cancellationToken).ConfigureAwait(false);
            // Requests to an Object Lambda access point come here only unsigned or signed for s3: S3 Object Lambda serves
            // neither, and the label must not fall through to a bucket of that name.
            if (accessPoint is null && await accounts.GetObjectLambdaAccessPointAsync(accountId, name, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new S3Exception(S3Errors.ObjectLambdaNotSignedForObjectLambda);
            }
            if (accessPoint is null && AccessPointHosts.IsAwsAccessPointHost(HostName.WithoutPort(host)))
            {
                throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", name));
            }
        }
        else if (AccessPointAlias.IsAlias(label))
        {
            accessPoint = await accounts.GetAccessPointByAliasAsync(label, cancellationToken).ConfigureAwait(false);
        }
        if (accessPoint is null) return request;
        if (!Supported.Contains(request.Operation)) throw new S3Exception(S3Errors.NotSupportedThroughAccessPoint);
        return request with { Bucket = accessPoint.Bucket, AccessPoint = accessPoint };
    }
}
