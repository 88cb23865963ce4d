using System.Text.Json;
using System.Text.Json.Nodes;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Tests.Policy;

/// <summary>
/// Reads the JSON case files under <c>fixtures/data/policies/</c> (copied beside the test assembly as
/// <c>policies/</c>). Three shapes, told apart by their members:
/// <list type="bullet">
/// <item>evaluation files: <c>identity</c>/<c>session</c> policies, <c>resources</c> (ARN, account, attached policies)
/// and <c>requests</c>, each with principal, action, context keys and the expected effect, reason, deciding
/// statements (<c>"policy name:Sid"</c> or <c>"policy name:#index"</c>) and message;</item>
/// <item><c>malformed</c> files: <c>cases</c> of a policy text, where it is attached and AWS's message;</item>
/// <item><c>publicity</c> files: <c>cases</c> of a policy, its kind and whether it is public.</item>
/// </list>
/// </summary>
internal static class PolicyCaseFiles
{
    private static string RootAtDiscovery => Path.Combine(AppContext.BaseDirectory, "policies");

    public static IEnumerable<TestCaseData> EvaluationCases() =>
        Files().Where(f => Load(f)["requests"] is not null)
            .SelectMany(f => ((JsonArray)Load(f)["requests"]!).Select((r, i) =>
                new TestCaseData(Relative(f), i).SetName($"{Relative(f)} | {r!["name"]}")));

    public static IEnumerable<TestCaseData> MalformedCases() => CasesOf("malformed");

    public static IEnumerable<TestCaseData> PublicityCases() => CasesOf("publicity");

    public static JsonObject Load(string relativeOrFull) =>
        JsonNode.Parse(File.ReadAllText(Path.IsPathRooted(relativeOrFull) ? relativeOrFull : Path.Combine(RootAtDiscovery, relativeOrFull)),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    public static PolicyDocument Document(JsonNode node) =>
        PolicyDocument.Parse(node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString());

    public static PolicyPrincipal Principal(JsonNode? node)
    {
        var type = (string?)node?["type"] ?? "anonymous";
        var account = (string?)node?["account"] ?? "";
        return type switch
        {
            "anonymous" => PolicyPrincipal.Anonymous,
            "root" => PolicyPrincipal.Root(account),
            "user" => PolicyPrincipal.User(account, (string)node!["name"]!, (string?)node["userId"]),
            "session" => PolicyPrincipal.RoleSession(account, (string)node!["role"]!, (string)node["session"]!, (string?)node["roleId"]),
            "service" => new PolicyPrincipal((string)node!["name"]!, "", false, false, [(string)node["name"]!], null, null),
            _ => throw new InvalidDataException($"unknown principal type {type}"),
        };
    }

    public static RequestContextKeys Context(JsonNode? node)
    {
        var context = new RequestContextKeys();
        if (node is JsonObject keys)
        {
            foreach (var (key, value) in keys)
            {
                if (value is JsonArray array)
                {
                    context.Set(key, array.Select(v => v!.ToString()));
                }
                else
                {
                    context.Set(key, value!.ToString());
                }
            }
        }

        return context;
    }

    private static IEnumerable<TestCaseData> CasesOf(string shape) =>
        Files().Where(f => (string?)Load(f)["shape"] == shape)
            .SelectMany(f => ((JsonArray)Load(f)["cases"]!).Select((c, i) =>
                new TestCaseData(Relative(f), i).SetName($"{Relative(f)} | {c!["name"]}")));

    private static IEnumerable<string> Files() =>
        Directory.Exists(RootAtDiscovery)
            ? Directory.EnumerateFiles(RootAtDiscovery, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : throw new DirectoryNotFoundException($"policy cases not copied to {RootAtDiscovery}");

    private static string Relative(string full) => Path.GetRelativePath(RootAtDiscovery, full).Replace('\\', '/');
}
