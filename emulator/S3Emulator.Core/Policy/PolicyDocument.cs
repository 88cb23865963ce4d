using System.Collections.Immutable;
using System.Text.Json;

namespace S3Emulator.Core.Policy;

/// <summary>
/// A parsed IAM policy: Version (2012-10-17 or 2008-10-17, the default; variables only in 2012-10-17), optional Id,
/// and its statements (one object or an array). Patterns and condition values are compiled here, once.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>The version that enables policy variables.</summary>
    public const string Version2012 = "2012-10-17";

    /// <summary>The original version, and the default when none is given.</summary>
    public const string Version2008 = "2008-10-17";

    private static readonly ImmutableArray<string> Fields = ["Version", "Id", "Statement"];

    private PolicyDocument(string json, string version, string? id, ImmutableArray<PolicyStatement> statements)
    {
        Json = json;
        Version = version;
        Id = id;
        Statements = statements;
        _conditionKeys = [.. statements.SelectMany(s => s.Condition.Clauses).Select(c => c.Key).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // The keys the conditions test, found once: asking on every request must not scan the policy's text.
    private readonly ImmutableArray<string> _conditionKeys;

    // Per action, the statements whose Action or NotAction covers it, found once per document (a parsed document lives
    // as long as the policy text it came from): an evaluation then skips the statements about other actions without
    // matching their patterns. Actions are the server's own names, a few hundred at most; the bound guards the rest.
    private const int ActionCacheCapacity = 1024;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ActionStatements> _byAction =
        new(StringComparer.Ordinal);

    // The entry last looked up: the server names actions by its own constant strings, so a run of requests for one action
    // (a load of GETs) finds its statements by one reference comparison instead of hashing the action. Replaced whole
    // with an entry the dictionary already holds, so a change of action allocates nothing.
    private ActionStatements? _lastAction;

    // The statements as decisions name them under the attachment (kind and name) last asked for, made once: a document
    // is nearly always attached once, and each allowed request's decision keeps its deciding statements in the request
    // journal, so sharing them saves the allocation and the garbage collector the copying of them. Replaced whole
    // (never changed in place), so concurrent readers see one set or the other.
    private DecidingStatements? _deciding;

    /// <summary>The policy text as given (what GetBucketPolicy returns).</summary>
    public string Json { get; }

    /// <summary>The policy language version.</summary>
    public string Version { get; }

    /// <summary>The optional Id.</summary>
    public string? Id { get; }

    /// <summary>The statements in order.</summary>
    public ImmutableArray<PolicyStatement> Statements { get; }

    /// <summary>The statements, in order, whose Action (or NotAction) covers <paramref name="action"/>.</summary>
    internal PolicyStatement[] StatementsFor(string action)
    {
        var last = Volatile.Read(ref _lastAction);
        if (last is not null && ReferenceEquals(last.Action, action)) return last.Statements;
        if (!_byAction.TryGetValue(action, out var entry))
        {
            entry = new ActionStatements(action, Covering(action));
            if (_byAction.Count >= ActionCacheCapacity) return entry.Statements;
            entry = _byAction.GetOrAdd(action, entry);
        }

        Volatile.Write(ref _lastAction, entry);
        return entry.Statements;
    }

    // Apart from StatementsFor: a lambda capturing its parameter there would allocate its closure on every call, hit or miss.
    private PolicyStatement[] Covering(string action) => [.. Statements.Where(s => s.Action.Covers(action))];

    /// <summary>How a decision names <paramref name="statement"/> (one of this document's) attached as <paramref name="name"/>.</summary>
    internal DecidingStatement Deciding(PolicyKind kind, string name, PolicyStatement statement)
    {
        var set = _deciding;
        if (set is null || set.Kind != kind || !string.Equals(set.Name, name, StringComparison.Ordinal))
        {
            _deciding = set = new DecidingStatements(kind, name, Statements);
        }

        return set.Statements[statement.Index];
    }

    /// <summary>Whether a condition tests a key beginning with <paramref name="prefix"/> (keys compare case-insensitively).</summary>
    public bool TestsKeyStartingWith(string prefix) =>
        _conditionKeys.Any(key => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses and compiles a policy, raising AWS's MalformedPolicy message for anything AWS refuses.</summary>
    /// <exception cref="MalformedPolicyException">The document is not a valid policy.</exception>
    public static PolicyDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length == 0 || json[0] != '{')
        {
            throw PolicyErrors.Malformed(PolicyErrors.FirstByte);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidJson);
        }

        using (document)
        {
            return FromRoot(json, document.RootElement);
        }
    }

    private static PolicyDocument FromRoot(string json, JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw PolicyErrors.UnknownField(property.Name);
            }
        }

        var version = Version2008;
        if (root.TryGetProperty("Version", out var versionElement))
        {
            version = versionElement.ValueKind == JsonValueKind.String ? versionElement.GetString()! : "";
            if (version is not (Version2012 or Version2008))
            {
                throw PolicyErrors.Malformed(PolicyErrors.InvalidVersion);
            }
        }

        string? id = null;
        if (root.TryGetProperty("Id", out var idElement))
        {
            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : throw PolicyErrors.Malformed(PolicyErrors.InvalidSyntax);
        }

        if (!root.TryGetProperty("Statement", out var statementElement))
        {
            throw PolicyErrors.MissingField("Statement");
        }

        var variables = version == Version2012;
        var statements = statementElement.ValueKind switch
        {
            JsonValueKind.Object => [PolicyStatement.Parse(statementElement, 0, variables)],
            JsonValueKind.Array => statementElement.EnumerateArray().Select((s, i) => PolicyStatement.Parse(s, i, variables)).ToImmutableArray(),
            _ => throw PolicyErrors.Malformed(PolicyErrors.InvalidSyntax),
        };
        if (statements.IsEmpty)
        {
            throw PolicyErrors.Malformed(PolicyErrors.EmptyStatement);
        }

        return new PolicyDocument(json, version, id, statements);
    }

    private sealed class ActionStatements(string action, PolicyStatement[] statements)
    {
        public string Action => action;

        public PolicyStatement[] Statements => statements;
    }

    private sealed class DecidingStatements(PolicyKind kind, string name, ImmutableArray<PolicyStatement> statements)
    {
        public PolicyKind Kind => kind;

        public string Name => name;

        public DecidingStatement[] Statements { get; } = [.. statements.Select(s => new DecidingStatement(kind, name, s.Sid, s.Index, s.Effect))];
    }
}
