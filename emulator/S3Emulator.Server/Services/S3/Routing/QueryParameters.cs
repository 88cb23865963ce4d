namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>
/// The decoded parameters of a raw query string, in the order sent. S3 reads <c>+</c> as a space,
/// as form encoding does; SDKs send <c>%2B</c> for a plus. A value that is not UTF-8 once decoded is S3's InvalidURI.
/// </summary>
public sealed class QueryParameters
{
    public static readonly QueryParameters Empty = new([]);

    private readonly IReadOnlyList<KeyValuePair<string, string>> _parameters;

    private QueryParameters(IReadOnlyList<KeyValuePair<string, string>> parameters) => _parameters = parameters;

    public IReadOnlyList<KeyValuePair<string, string>> All => _parameters;

    public static QueryParameters Parse(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0) return Empty;
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            parameters.Add(new(Decode(name), Decode(value)));
        }
        return new QueryParameters(parameters);
    }

    public bool Has(string name) => _parameters.Any(p => p.Key == name);

    /// <summary>The first value of <paramref name="name"/>, or null when absent.</summary>
    public string? Get(string name)
    {
        foreach (var pair in _parameters)
        {
            if (pair.Key == name) return pair.Value;
        }
        return null;
    }

    private static string Decode(string component) => PercentDecoding.DecodeOrInvalidUri(component.Replace('+', ' '));
}
