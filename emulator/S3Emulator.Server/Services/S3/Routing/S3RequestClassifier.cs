using System.Text.RegularExpressions;

namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>
/// Turns method + Host + raw request target into an <see cref="S3Request"/>. Pure: no I/O, no state
/// beyond the configured base domains. A target that is not UTF-8 once decoded is S3's InvalidURI. Works on the raw target, because S3 keys may hold
/// <c>..</c>, <c>//</c> and <c>%2F</c>, which any normalised path would change.
/// </summary>
public sealed partial class S3RequestClassifier
{
    private readonly string[] _baseDomainSuffixes;

    public S3RequestClassifier(IEnumerable<string> baseDomains) =>
        _baseDomainSuffixes = baseDomains.Select(d => "." + d.Trim().TrimStart('.').ToLowerInvariant()).ToArray();

    public S3Request Classify(string method, string host, string rawTarget, bool hasCopySource)
    {
        RequestTargetCharacters.EnsureParsable(rawTarget);
        var target = OriginForm(rawTarget);
        var question = target.IndexOf('?');
        var rawPath = question < 0 ? target : target[..question];
        var query = question < 0 ? QueryParameters.Empty : QueryParameters.Parse(target.AsSpan(question + 1));
        var hostBucket = BucketFromHost(HostWithoutPort(host));
        var (bucket, key) = hostBucket is not null
            ? (hostBucket, NonEmpty(Decode(rawPath.AsSpan(1))))
            : SplitPathStyle(rawPath);
        var level = key is not null ? ResourceLevel.Object : bucket is not null ? ResourceLevel.Bucket : ResourceLevel.Service;
        var operation = Match(method.ToUpperInvariant(), level, query, hasCopySource);
        return new S3Request(operation, bucket, key, rawPath, query, hostBucket is not null);
    }

    private static S3Operation Match(string method, ResourceLevel level, QueryParameters query, bool hasCopySource)
    {
        foreach (var rule in OperationRules.All)
        {
            if (rule.Method == method && rule.Level == level
                && (rule.SubResource is null || query.Has(rule.SubResource))
                && (!rule.NeedsCopySource || hasCopySource))
            {
                return rule.Operation;
            }
        }
        return S3Operation.Unknown;
    }

    /// <summary>The target with a leading <c>/</c>: the one the client sent (no copy) unless it came in absolute form.</summary>
    private static string OriginForm(string rawTarget)
    {
        var target = rawTarget;
        if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
        {
            // Absolute-form request targets (proxies) carry the origin; only path and query matter.
            target = target[(target.IndexOf(absolute.Authority, StringComparison.Ordinal) + absolute.Authority.Length)..];
        }
        return target.StartsWith('/') ? target : "/" + target;
    }

    private static (string? Bucket, string? Key) SplitPathStyle(string rawPath)
    {
        var rest = rawPath.AsSpan(1);
        if (rest.Length == 0) return (null, null);
        var slash = rest.IndexOf('/');
        if (slash < 0) return (Decode(rest), null);
        return (Decode(rest[..slash]), NonEmpty(Decode(rest[(slash + 1)..])));
    }

    private string? BucketFromHost(string host)
    {
        foreach (var suffix in _baseDomainSuffixes)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal))
            {
                return host[..^suffix.Length];
            }
        }
        var accessPoint = AccessPointHosts.AwsAccessPointHost().Match(host);
        if (accessPoint.Success) return accessPoint.Groups["label"].Value;
        var objectLambda = AccessPointHosts.AwsObjectLambdaHost().Match(host);
        if (objectLambda.Success) return objectLambda.Groups["label"].Value;
        var aws = AwsVirtualHost().Match(host);
        return aws.Success ? aws.Groups["bucket"].Value : null;
    }

    private static string HostWithoutPort(string host)
    {
        var lower = host.ToLowerInvariant();
        if (lower.StartsWith('['))
        {
            return lower[..(lower.IndexOf(']') + 1)];
        }
        var colon = lower.LastIndexOf(':');
        return colon < 0 ? lower : lower[..colon];
    }

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;

    private static string Decode(ReadOnlySpan<char> component) => PercentDecoding.DecodeOrInvalidUri(component);

    // bucket.s3.amazonaws.com, bucket.s3.us-east-1.amazonaws.com, bucket.s3-us-east-1.amazonaws.com,
    // bucket.s3.dualstack.us-east-1.amazonaws.com
    [GeneratedRegex(@"^(?<bucket>.+)\.s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com$")]
    private static partial Regex AwsVirtualHost();
}
