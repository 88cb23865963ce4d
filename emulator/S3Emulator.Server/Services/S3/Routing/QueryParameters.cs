namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>
/// The decoded parameters of a raw query string, in the order sent. S3 reads <c>+</c> as a space,
/// as form encoding does; SDKs send <c>%2B</c> for a plus. A value that is not UTF-8 once decoded is S3's InvalidURI.
/// </summary>
public sealed class QueryParameters
{
    public static readonly QueryParameters Empty = new([]);

    // A '+' turned into a space in a stack buffer up to this many characters; longer components take an array.
    private const int StackChars = 256;

    private readonly List<KeyValuePair<string, string>> _parameters;

    private QueryParameters(List<KeyValuePair<string, string>> parameters) => _parameters = parameters;

    public IReadOnlyList<KeyValuePair<string, string>> All => _parameters;

    public static QueryParameters Parse(string rawQuery) => Parse(rawQuery.AsSpan());

    /// <summary>Parses a query (with or without its <c>?</c>) read straight from the raw target: only names and values are allocated.</summary>
    public static QueryParameters Parse(ReadOnlySpan<char> rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0) return Empty;
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.Length == 0) continue;
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            parameters.Add(new(Decode(name), Decode(value)));
        }
        return parameters.Count == 0 ? Empty : new QueryParameters(parameters);
    }

    public bool Has(string name)
    {
        foreach (var pair in _parameters)
        {
            if (pair.Key == name) return true;
        }
        return false;
    }

    /// <summary>The first value of <paramref name="name"/>, or null when absent.</summary>
    public string? Get(string name)
    {
        foreach (var pair in _parameters)
        {
            if (pair.Key == name) return pair.Value;
        }
        return null;
    }

    private static string Decode(ReadOnlySpan<char> component)
    {
        if (component.IsEmpty) return "";
        if (!component.Contains('+')) return PercentDecoding.DecodeOrInvalidUri(component);
        var spaced = component.Length <= StackChars ? stackalloc char[StackChars] : new char[component.Length];
        component.Replace(spaced, '+', ' ');
        return PercentDecoding.DecodeOrInvalidUri(spaced[..component.Length]);
    }
}
