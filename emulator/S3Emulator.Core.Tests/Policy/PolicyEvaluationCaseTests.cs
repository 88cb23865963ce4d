using System.Text.Json.Nodes;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Tests.Policy;

/// <summary>
/// Every request of every evaluation case file under fixtures/data/policies: the decision's effect, reason, deciding
/// statements and (where given) AWS's AccessDenied message must be what the file says.
/// </summary>
public sealed class PolicyEvaluationCaseTests
{
    [TestCaseSource(typeof(PolicyCaseFiles), nameof(PolicyCaseFiles.EvaluationCases))]
    public void Request_IsDecidedAsTheCaseFileExpects(string file, int index)
    {
        var root = PolicyCaseFiles.Load(file);
        var request = root["requests"]![index]!.AsObject();
        var authorization = BuildRequest(root, request);

        var decision = PolicyEvaluator.Evaluate(authorization);

        var expect = request["expect"]!;
        Assert.Multiple(() =>
        {
            Assert.That(decision.Effect.ToString(), Is.EqualTo((string)expect["effect"]!), decision.Explain());
            if (expect["reason"] is { } reason)
            {
                Assert.That(decision.Reason?.ToString(), Is.EqualTo((string?)reason), "reason");
            }

            if (expect["statements"] is JsonArray statements)
            {
                Assert.That(decision.Statements.Select(s => $"{s.PolicyName}:{(string.IsNullOrEmpty(s.Sid) ? "#" + s.Index : s.Sid)}"),
                    Is.EquivalentTo(statements.Select(s => (string)s!)), "deciding statements");
            }

            if (expect["message"] is { } message)
            {
                Assert.That(AccessDeniedMessage.For(decision, authorization.Principal.Arn, authorization.Action, decision.ResourceArn, explain: false),
                    Is.EqualTo((string?)message), "message");
            }

            if (expect["explainedMessage"] is { } explained)
            {
                Assert.That(AccessDeniedMessage.For(decision, authorization.Principal.Arn, authorization.Action, decision.ResourceArn, explain: true),
                    Is.EqualTo((string?)explained), "explained message");
            }
        });
    }

    private static AuthorizationRequest BuildRequest(JsonObject root, JsonObject request)
    {
        var identity = new List<IdentityGrant>();
        foreach (var (name, kind) in new[] { ("identity", PolicyKind.Identity), ("session", PolicyKind.Session) })
        {
            // Policies may be given per file or per request (request wins).
            var node = request[name] ?? root[name];
            if (node is JsonArray policies)
            {
                identity.AddRange(policies.Select(p => new IdentityGrant(kind, (string)p!["name"]!, PolicyCaseFiles.Document(p["document"]!))));
            }
        }

        var resources = (JsonArray)(request["resources"] ?? root["resources"])!;
        var arns = request["resource"] is { } single ? [(string)single!] : (request["resourceArns"] as JsonArray)?.Select(a => (string)a!).ToArray();
        var checks = resources.Select((r, i) => new ResourceCheck(
            arns is not null && i < arns.Length ? arns[i] : (string)r!["arn"]!,
            (string)r!["account"]!,
            ((JsonArray?)r["policies"] ?? []).Select(p => new AttachedPolicy(
                Enum.Parse<PolicyKind>((string)p!["kind"]!), (string)p["name"]!, PolicyCaseFiles.Document(p["document"]!))).ToList())).ToList();

        var principal = PolicyCaseFiles.Principal(request["principal"]);
        return new AuthorizationRequest(principal, (string)request["action"]!, principal.IsAnonymous ? null : identity, checks,
            PolicyCaseFiles.Context(request["context"]));
    }
}
