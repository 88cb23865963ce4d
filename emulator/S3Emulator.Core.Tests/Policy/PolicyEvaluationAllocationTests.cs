using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Tests.Policy;

/// <summary>
/// The engine runs on every authorized request: evaluating a bucket policy must not allocate more than the decision keeps
/// (issue 11: a 20-statement policy within 5% of none). Measured against the same request without a policy, so the
/// decision and the evaluation's own scope cancel out.
/// </summary>
public sealed class PolicyEvaluationAllocationTests
{
    private const string Account = "123456789012";
    private const string ObjectArn = "arn:aws:s3:::bucket/object";

    // Statements naming other principals (their ARNs compared with the caller's), an IP condition, a deny that does not
    // apply, and last the grant that decides.
    private static readonly PolicyDocument Policy = PolicyDocument.Parse($$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "DenyOutsideKnownNetworks", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::bucket/*",
              "Condition": { "NotIpAddress": { "aws:SourceIp": [ "127.0.0.0/8", "10.0.0.0/8" ] } } },
            { "Sid": "PartnerReads", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/partner-reader" },
              "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" },
            { "Sid": "AuditorReads", "Effect": "Allow", "Principal": { "AWS": [ "arn:aws:iam::210987654321:role/auditor", "arn:aws:iam::{{Account}}:role/auditor" ] },
              "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" },
            { "Sid": "OwnerReadsFromLoopback", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Account}}:root" },
              "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*",
              "Condition": { "IpAddress": { "aws:SourceIp": "127.0.0.0/8" } } }
          ]
        }
        """);

    [Test]
    public void AnAllowingBucketPolicy_AllocatesOnlyTheDecidingStatementsArrayMoreThanNoPolicy()
    {
        var none = Request([]);
        var withPolicy = Request([new AttachedPolicy(PolicyKind.Bucket, "bucket policy of bucket", Policy)]);
        var decision = PolicyEvaluator.Evaluate(withPolicy);
        PolicyEvaluator.Evaluate(none);

        var withoutPolicyBytes = Allocated(none);
        var withPolicyBytes = Allocated(withPolicy);

        Assert.That(decision.Statements.Select(s => s.Sid), Is.EqualTo(new[] { "OwnerReadsFromLoopback" }), decision.Explain());
        // The deciding statement's array (32 bytes on a 64-bit runtime). The look-up of the action's statements once made
        // 24 more (a closure over the action, allocated on every call), foreach enumerators over the request's lists 96.
        Assert.That(withPolicyBytes - withoutPolicyBytes, Is.LessThanOrEqualTo(32),
            "lists for the matching statements, enumerators or parsed addresses are garbage made on every request");
    }

    [Test]
    public void AnAccessPointAndItsDelegatingBucketPolicy_AllocateOnlyTheTwoDecidingStatementsArrayMoreThanNoPolicy()
    {
        const string accessPointArn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/ap";
        var accessPoint = new AttachedPolicy(PolicyKind.AccessPoint, "access point policy of ap", PolicyDocument.Parse($$"""
            { "Version": "2012-10-17", "Statement": [ { "Sid": "OwnerReads", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{Account}}:root" },
              "Action": "s3:GetObject", "Resource": "{{accessPointArn}}/object/*" } ] }
            """));
        var delegation = new AttachedPolicy(PolicyKind.Bucket, "bucket policy of bucket", PolicyDocument.Parse($$"""
            { "Version": "2012-10-17", "Statement": [ { "Sid": "Delegate", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "*",
              "Resource": "arn:aws:s3:::bucket/*", "Condition": { "StringEquals": { "s3:DataAccessPointAccount": "{{Account}}" } } } ] }
            """));
        var context = new RequestContextKeys().Set("aws:SourceIp", "::ffff:127.0.0.1").Set("s3:DataAccessPointAccount", Account);
        var none = new AuthorizationRequest(PolicyPrincipal.Root(Account), "s3:GetObject", [],
            [new ResourceCheck(accessPointArn + "/object/object", Account, []), new ResourceCheck(ObjectArn, Account, [])], context);
        var withPolicies = none with
        {
            Resources = [new ResourceCheck(accessPointArn + "/object/object", Account, [accessPoint]), new ResourceCheck(ObjectArn, Account, [delegation])],
        };
        var decision = PolicyEvaluator.Evaluate(withPolicies);
        PolicyEvaluator.Evaluate(none);

        var withoutPolicyBytes = Allocated(none);
        var withPolicyBytes = Allocated(withPolicies);

        Assert.That(decision.Statements.Select(s => s.Sid), Is.EqualTo(new[] { "OwnerReads", "Delegate" }), decision.Explain());
        // The two deciding statements' array (40 bytes on a 64-bit runtime); collecting them once made a List and its
        // array (88 bytes more).
        Assert.That(withPolicyBytes - withoutPolicyBytes, Is.LessThanOrEqualTo(40),
            "lists for the matching statements are garbage made on every request through an access point");
    }

    private static long Allocated(AuthorizationRequest request)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        PolicyEvaluator.Evaluate(request);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static AuthorizationRequest Request(IReadOnlyList<AttachedPolicy> policies) => new(
        PolicyPrincipal.Root(Account), "s3:GetObject", [], [new ResourceCheck(ObjectArn, Account, policies)],
        new RequestContextKeys().Set("aws:SourceIp", "::ffff:127.0.0.1").Set("aws:SecureTransport", "false"));
}
