using System.Collections.Frozen;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Auth.SigV2;

/// <summary>
/// The <c>CanonicalizedResource</c> of SigV2: <c>/bucket</c> when the bucket came from the Host header, then the
/// path as sent (never decoded), then the sub-resources the signature covers, sorted by name, with their
/// values percent-decoded as botocore's signer writes them (<c>?acl</c>, <c>?partNumber=2&amp;uploadId=…</c>).
/// </summary>
internal static class SigV2CanonicalResource
{
    // The documented list (acl … website, response-*) and the later sub-resources, as AWS's own SigV2 signer
    // (botocore HmacV1Auth.QSAOfInterest) lists them; any other query parameter is not signed.
    private static readonly FrozenSet<string> SignedSubresources = new[]
    {
        "accelerate", "acl", "analytics", "cors", "defaultObjectAcl", "delete", "inventory", "lifecycle", "location",
        "logging", "metrics", "notification", "object-lock", "partNumber", "policy", "replication", "requestPayment",
        "response-cache-control", "response-content-disposition", "response-content-encoding", "response-content-language",
        "response-content-type", "response-expires", "restore", "select", "select-type", "storageClass", "tagging",
        "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="rawPath">The path exactly as sent.</param>
    /// <param name="rawQuery">The query exactly as sent, without the <c>?</c>.</param>
    /// <param name="virtualHostedBucket">The bucket named by the Host header; null for path-style and service requests.</param>
    public static string Build(string rawPath, string rawQuery, string? virtualHostedBucket)
    {
        var resource = virtualHostedBucket is null ? rawPath : "/" + virtualHostedBucket + rawPath;
        var subresources = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(Split)
            .Where(pair => SignedSubresources.Contains(pair.Name))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .Select(pair => pair.Value is null ? pair.Name : pair.Name + "=" + pair.Value)
            .ToList();
        return subresources.Count == 0 ? resource : resource + "?" + string.Join('&', subresources);
    }

    // "acl" has no value, "uploads=" an empty one: the signer writes each back as it came.
    private static (string Name, string? Value) Split(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? (UriEncoding.Decode(parameter), null)
            : (UriEncoding.Decode(parameter[..equals]), UriEncoding.Decode(parameter[(equals + 1)..]));
    }
}
