using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using S3Emulator.Core.Policy;

namespace S3Emulator.Bench;

/// <summary>
/// What <see cref="AuthorizationBenchmarks"/> pays inside the policy engine alone: one <see cref="PolicyEvaluator.Evaluate"/>
/// of the root user's <c>s3:GetObject</c> with the context a plain-HTTP loopback GET carries, against no bucket policy,
/// the 20-statement policy (parsed once, as the server's PolicyCache does), and the access point's two checks.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PolicyEvaluationBenchmarks
{
    private const string Account = "123456789012";
    private const string Bucket = "bench";

    private AuthorizationRequest _noPolicy = null!;
    private AuthorizationRequest _twentyStatements = null!;
    private AuthorizationRequest _accessPoint = null!;
    private readonly ConcurrentDictionary<string, PolicyDocument> _cache = new(StringComparer.Ordinal);
    private string _storedPolicy = "";

    [GlobalSetup]
    public void Setup()
    {
        var principal = PolicyPrincipal.Root(Account);
        var objectArn = $"arn:aws:s3:::{Bucket}/object";
        var twenty = new AttachedPolicy(PolicyKind.Bucket, "bucket policy of " + Bucket,
            PolicyDocument.Parse(BenchPolicies.TwentyStatements(Bucket, Account)));
        _noPolicy = Request(principal, [new ResourceCheck(objectArn, Account, [])], Context());
        _twentyStatements = Request(principal, [new ResourceCheck(objectArn, Account, [twenty])], Context());

        var accessPointArn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/bench-ap";
        var apPolicy = new AttachedPolicy(PolicyKind.AccessPoint, accessPointArn, PolicyDocument.Parse(BenchPolicies.AccessPointRead(accessPointArn, Account)));
        var delegation = new AttachedPolicy(PolicyKind.Bucket, "bucket policy of " + Bucket,
            PolicyDocument.Parse(BenchPolicies.DelegateToAccessPoints(Bucket, Account)));
        _accessPoint = Request(principal,
            [new ResourceCheck(accessPointArn + "/object/object", Account, [apPolicy]), new ResourceCheck(objectArn, Account, [delegation])],
            Context().Set("s3:DataAccessPointArn", accessPointArn).Set("s3:DataAccessPointAccount", Account));

        // The server finds the parsed policy by the stored text on every request (PolicyCache): a hash of the whole text.
        _storedPolicy = BenchPolicies.TwentyStatements(Bucket, Account);
        _cache[new string(_storedPolicy)] = twenty.Document;

        foreach (var request in new[] { _noPolicy, _twentyStatements, _accessPoint })
        {
            var decision = PolicyEvaluator.Evaluate(request);
            if (decision.Effect != DecisionEffect.Allow) throw new InvalidOperationException("The benchmark's request is denied: " + decision.Explain());
        }
    }

    [Benchmark(Baseline = true)]
    public AuthorizationDecision NoPolicy() => PolicyEvaluator.Evaluate(_noPolicy);

    [Benchmark]
    public AuthorizationDecision TwentyStatements() => PolicyEvaluator.Evaluate(_twentyStatements);

    [Benchmark]
    public AuthorizationDecision AccessPointAndDelegation() => PolicyEvaluator.Evaluate(_accessPoint);

    /// <summary>What the server's PolicyCache does per request before evaluating: look the parsed policy up by its text.</summary>
    [Benchmark]
    public PolicyDocument CacheLookupTwentyStatements() => _cache[_storedPolicy];

    /// <summary>Parsing, for scale: what the server's PolicyCache saves on every request after the first.</summary>
    [Benchmark]
    public PolicyDocument ParseTwentyStatements() => PolicyDocument.Parse(BenchPolicies.TwentyStatements(Bucket, Account));

    private static AuthorizationRequest Request(PolicyPrincipal principal, IReadOnlyList<ResourceCheck> checks, RequestContextKeys context) =>
        new(principal, "s3:GetObject", [], checks, context);

    // What GlobalContextKeys and S3ContextKeys fill for an AWSSDK.S3 GET over plain HTTP from loopback.
    private static RequestContextKeys Context() => new RequestContextKeys()
        .Set("aws:SecureTransport", "false")
        .Set("aws:CurrentTime", "2026-01-01T00:00:00Z")
        .Set("aws:EpochTime", "1767225600")
        .Set("aws:SourceIp", "127.0.0.1")
        .Set("aws:PrincipalAccount", Account)
        .Set("aws:PrincipalType", "Account")
        .Set("s3:x-amz-content-sha256", "UNSIGNED-PAYLOAD")
        .Set("s3:authType", "REST-HEADER")
        .Set("s3:signatureversion", "AWS4-HMAC-SHA256")
        .Set("s3:signatureAge", "3");
}
