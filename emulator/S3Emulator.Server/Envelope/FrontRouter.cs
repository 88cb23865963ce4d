using Microsoft.AspNetCore.Http;
using System.Text.RegularExpressions;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.Admin;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// Decides which API a request is for, before anything is verified: admin by its path prefix (no bucket name can
/// hold <c>_</c>), KMS by <c>X-Amz-Target</c> (S3 never sends it), STS and Object Lambda by the credential scope's
/// signing name (STS is <c>POST /</c> like nothing else tells apart), S3 Control by its <c>/v20180820/</c> path on an
/// account host or with <c>x-amz-account-id</c>; everything else is S3. Pure: one instance per configured base
/// domains, no state.
/// </summary>
internal sealed partial class FrontRouter(IEnumerable<string> baseDomains)
{
    /// <summary>The path prefix of every S3 Control operation.</summary>
    public const string ControlPathPrefix = "/v20180820/";

    private readonly string[] _baseDomainSuffixes = baseDomains.Select(d => "." + d.Trim().TrimStart('.').ToLowerInvariant()).ToArray();

    public ServiceKind Route(in RoutingFacts facts)
    {
        if (facts.RawTarget.StartsWith(AdminService.Prefix, StringComparison.Ordinal)) return ServiceKind.Admin;
        if (HttpMethods.IsPost(facts.Method) && facts.AmzTarget?.StartsWith("TrentService.", StringComparison.Ordinal) == true)
        {
            return ServiceKind.Kms;
        }
        var host = HostName.WithoutPort(facts.Host);
        switch (facts.SigningService)
        {
            case "sts":
                return ServiceKind.Sts;
            case "s3-object-lambda":
                return ServiceKind.ObjectLambda;
        }
        // Unsigned too: an unsigned WriteGetObjectResponse must be refused as one, not read as a bucket request.
        if (HttpMethods.IsPost(facts.Method) && facts.RawTarget == "/WriteGetObjectResponse") return ServiceKind.ObjectLambda;
        if (ObjectLambdaHost().IsMatch(host) || NamesObjectLambdaAlias(host, facts.RawTarget)) return ServiceKind.ObjectLambda;
        if (StsHost().IsMatch(host)) return ServiceKind.Sts;
        if (facts.RawTarget.StartsWith(ControlPathPrefix, StringComparison.Ordinal)
            && (facts.AccountIdHeader is not null || ControlHost().IsMatch(host) || IsAccountHost(host)))
        {
            // A bucket may be named v20180820: only an account host or the account header makes it S3 Control.
            return ServiceKind.S3Control;
        }
        return ServiceKind.S3;
    }

    /// <summary>
    /// Whether the bucket the request names — the host's first label, or the path's first segment — is an Object Lambda
    /// access point alias: no bucket may end with <c>--ol-s3</c>, so such a name is never an ordinary bucket.
    /// </summary>
    private bool NamesObjectLambdaAlias(string host, string rawTarget)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && ObjectLambdaAccessPointAlias.IsAlias(host[..dot])) return true;
        // When the host names the bucket, the path is a key, and a key may look like an alias.
        if (NamesVirtualHostedBucket(host)) return false;
        if (rawTarget.Length < 2 || rawTarget[0] != '/') return false;
        var end = rawTarget.IndexOfAny(['/', '?'], 1);
        return ObjectLambdaAccessPointAlias.IsAlias(end < 0 ? rawTarget[1..] : rawTarget[1..end]);
    }

    /// <summary>Whether the host names a bucket or access point as S3RequestClassifier reads it (virtual-hosted style).</summary>
    private bool NamesVirtualHostedBucket(string host)
    {
        foreach (var suffix in _baseDomainSuffixes)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal)) return true;
        }
        return AwsVirtualHost().IsMatch(host) || Services.S3.Routing.AccessPointHosts.AwsAccessPointHost().IsMatch(host);
    }

    /// <summary><c>{12-digit account}.{base domain}</c>: the host AWS SDKs build for S3 Control with a custom endpoint.</summary>
    private bool IsAccountHost(string host)
    {
        foreach (var suffix in _baseDomainSuffixes)
        {
            if (host.Length == 12 + suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal) && AccountId().IsMatch(host.AsSpan(0, 12)))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex AccountId();

    // 123456789012.s3-control.us-east-1.amazonaws.com, s3-control.us-east-1.amazonaws.com (+ dualstack, fips)
    [GeneratedRegex(@"^(?:[0-9]{12}\.)?s3-control(?:-fips)?(?:\.dualstack)?\.[a-z0-9-]+\.amazonaws\.com$")]
    private static partial Regex ControlHost();

    // name-123456789012.s3-object-lambda.us-east-1.amazonaws.com
    [GeneratedRegex(@"\.s3-object-lambda(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com$")]
    private static partial Regex ObjectLambdaHost();

    // bucket.s3.amazonaws.com, bucket.s3.us-east-1.amazonaws.com, bucket.s3-us-east-1.amazonaws.com (S3RequestClassifier's)
    [GeneratedRegex(@"^.+\.s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com$")]
    private static partial Regex AwsVirtualHost();

    // sts.amazonaws.com, sts.us-east-1.amazonaws.com
    [GeneratedRegex(@"^sts(?:-fips)?(?:\.[a-z0-9-]+)?\.amazonaws\.com$")]
    private static partial Regex StsHost();
}
