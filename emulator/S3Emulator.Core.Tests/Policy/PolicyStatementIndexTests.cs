using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Tests.Policy;

/// <summary>
/// The evaluator tests only the statements <see cref="PolicyDocument.StatementsFor"/> hands it for the request's action,
/// looked up by action once per document and, for a run of one action, by the action string's reference. Dropping a
/// statement there would silently skip a Deny or an Allow, so the look-up is checked against the plain filter (every
/// statement whose Action or NotAction covers the action) for wildcard, NotAction and mixed-case actions, in any order
/// and with action strings that are equal but not the same instance.
/// </summary>
public sealed class PolicyStatementIndexTests
{
    private const string Account = "123456789012";

    private static readonly PolicyDocument Document = PolicyDocument.Parse("""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "DenyAllOnConfidential", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/confidential/*" },
            { "Sid": "GetStar", "Effect": "Allow", "Principal": "*", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/get-star/*" },
            { "Sid": "UpperCase", "Effect": "Allow", "Principal": "*", "Action": "S3:GETOBJECT", "Resource": "arn:aws:s3:::b/upper/*" },
            { "Sid": "AllButPut", "Effect": "Allow", "Principal": "*", "NotAction": "s3:PutObject", "Resource": "arn:aws:s3:::b/not-put/*" },
            { "Sid": "Everything", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "arn:aws:s3:::b/everything/*" },
            { "Sid": "QuestionMark", "Effect": "Allow", "Principal": "*", "Action": "s3:?etObject", "Resource": "arn:aws:s3:::b/question/*" },
            { "Sid": "ListOrPut", "Effect": "Allow", "Principal": "*", "Action": [ "s3:ListBucket", "s3:PutObject" ], "Resource": "arn:aws:s3:::b/*" },
            { "Sid": "LaterDeny", "Effect": "Deny", "Principal": "*", "Action": "s3:getObject", "Resource": "arn:aws:s3:::b/everything/secret" }
          ]
        }
        """);

    private static readonly object[] Actions =
    [
        new object[] { "s3:GetObject", new[] { 0, 1, 2, 3, 4, 5, 7 } },
        new object[] { "S3:GETOBJECT", new[] { 0, 1, 2, 3, 4, 5, 7 } },
        new object[] { "s3:getobject", new[] { 0, 1, 2, 3, 4, 5, 7 } },
        new object[] { "s3:GetObjectVersion", new[] { 0, 1, 3, 4 } },
        new object[] { "s3:SetObject", new[] { 0, 3, 4, 5 } },
        new object[] { "s3:PutObject", new[] { 0, 4, 6 } },
        new object[] { "s3:ListBucket", new[] { 0, 3, 4, 6 } },
        new object[] { "s3:DeleteObject", new[] { 0, 3, 4 } },
        new object[] { "kms:Decrypt", new[] { 3, 4 } },
    ];

    [TestCaseSource(nameof(Actions))]
    public void StatementsFor_HandsOverEveryStatementWhoseActionCoversIt(string action, int[] expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Indexes(Document.StatementsFor(action)), Is.EqualTo(expected), "first look-up");
            Assert.That(Indexes(Document.StatementsFor(action)), Is.EqualTo(expected), "same instance again");
            Assert.That(Indexes(Document.StatementsFor(new string(action))), Is.EqualTo(expected), "an equal string");
            Assert.That(expected, Is.EqualTo(PlainFilter(action)), "the table agrees with Action.Covers");
        });
    }

    [Test]
    public void StatementsFor_AgreesWithThePlainFilter_WhateverTheOrderOfActions()
    {
        var document = PolicyDocument.Parse(Document.Json);
        var actions = Actions.Select(a => (string)((object[])a)[0]).ToArray();
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var action = actions[random.Next(actions.Length)];
            var asked = random.Next(2) == 0 ? action : new string(action);
            Assert.That(Indexes(document.StatementsFor(asked)), Is.EqualTo(PlainFilter(action)), $"look-up {i}: {asked}");
        }
    }

    [Test]
    public void StatementsFor_AgreesWithThePlainFilter_FromSeveralThreadsAtOnce()
    {
        var document = PolicyDocument.Parse(Document.Json);
        var actions = Actions.Select(a => (string)((object[])a)[0]).ToArray();
        var expected = actions.ToDictionary(a => a, a => PlainFilter(a), StringComparer.Ordinal);
        var wrong = 0;
        Parallel.For(0, 20_000, i =>
        {
            var action = actions[i % actions.Length];
            if (!Indexes(document.StatementsFor(action)).SequenceEqual(expected[action])) Interlocked.Increment(ref wrong);
        });

        Assert.That(wrong, Is.Zero);
    }

    [Test]
    public void ALaterDenyWithAMixedCaseAction_WinsOverEarlierWildcardAllows_AfterOtherActionsWereLookedUp()
    {
        var document = PolicyDocument.Parse(Document.Json);
        string[] order = ["s3:GetObject", "s3:PutObject", "s3:GetObject", "s3:ListBucket", "S3:GetObject"];
        foreach (var action in order)
        {
            var secret = Evaluate(document, new string(action), "arn:aws:s3:::b/everything/secret");
            var other = Evaluate(document, action, "arn:aws:s3:::b/everything/other");
            Assert.Multiple(() =>
            {
                var denies = action.Equals("s3:GetObject", StringComparison.OrdinalIgnoreCase);
                Assert.That(secret.Effect, Is.EqualTo(denies ? DecisionEffect.ExplicitDeny : DecisionEffect.Allow), $"{action}: {secret.Explain()}");
                Assert.That(secret.Statements.Select(s => s.Sid), denies ? Is.EqualTo(new[] { "LaterDeny" }) : Does.Contain("Everything"), action);
                Assert.That(other.Effect, Is.EqualTo(DecisionEffect.Allow), $"{action}: {other.Explain()}");
            });
        }
    }

    [Test]
    public void NotActionAndTheWildcardAllowEveryActionButTheExcludedOne_ForAnAnonymousCaller()
    {
        var document = PolicyDocument.Parse(Document.Json);
        Assert.Multiple(() =>
        {
            Assert.That(Evaluate(document, "s3:DeleteObject", "arn:aws:s3:::b/not-put/k", anonymous: true).Effect, Is.EqualTo(DecisionEffect.Allow));
            Assert.That(Evaluate(document, "s3:PutObject", "arn:aws:s3:::b/not-put/k", anonymous: true).Effect, Is.EqualTo(DecisionEffect.Allow),
                "ListOrPut covers b/* for PutObject");
            Assert.That(Evaluate(document, "s3:GetObject", "arn:aws:s3:::c/not-put/k", anonymous: true).Effect, Is.EqualTo(DecisionEffect.ImplicitDeny));
            Assert.That(Evaluate(document, "s3:GetObject", "arn:aws:s3:::b/confidential/k", anonymous: true).Effect, Is.EqualTo(DecisionEffect.ExplicitDeny));
        });
    }

    private static int[] PlainFilter(string action) => [.. Document.Statements.Where(s => s.Action.Covers(action)).Select(s => s.Index)];

    private static int[] Indexes(IEnumerable<PolicyStatement> statements) => [.. statements.Select(s => s.Index)];

    private static AuthorizationDecision Evaluate(PolicyDocument document, string action, string resourceArn, bool anonymous = false) =>
        PolicyEvaluator.Evaluate(new AuthorizationRequest(
            anonymous ? PolicyPrincipal.Anonymous : PolicyPrincipal.User(Account, "someone"), action, anonymous ? null : [],
            [new ResourceCheck(resourceArn, Account, [new AttachedPolicy(PolicyKind.Bucket, "bucket policy of b", document)])],
            new RequestContextKeys()));
}
