namespace S3Emulator.Core.Policy;

/// <summary>
/// The request context a policy's conditions and variables read: key (case-insensitive, as AWS treats condition key
/// names) → values (case kept; multi-valued keys such as <c>aws:CalledVia</c> hold several). A key that is absent is
/// what <c>Null</c>, <c>…IfExists</c> and the set operators test for.
/// </summary>
public sealed class RequestContextKeys
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty context.</summary>
    public RequestContextKeys()
    {
    }

    /// <summary>A context holding single-valued keys.</summary>
    public RequestContextKeys(IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var (key, value) in values)
        {
            Set(key, value);
        }
    }

    /// <summary>The keys present.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>Sets a single-valued key (replacing any value).</summary>
    public RequestContextKeys Set(string key, string value)
    {
        _values[key] = [value];
        return this;
    }

    /// <summary>Sets a multi-valued key (replacing any value). An empty list leaves the key absent.</summary>
    public RequestContextKeys Set(string key, IEnumerable<string> values)
    {
        var list = values.ToArray();
        if (list.Length == 0)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = list;
        }

        return this;
    }

    /// <summary>Removes a key.</summary>
    public RequestContextKeys Remove(string key)
    {
        _values.Remove(key);
        return this;
    }

    /// <summary>The values of <paramref name="key"/>, or false when the key is absent.</summary>
    public bool TryGetValues(string key, out IReadOnlyList<string> values)
    {
        if (_values.TryGetValue(key, out var found) && found.Count > 0)
        {
            values = found;
            return true;
        }

        values = [];
        return false;
    }

    /// <summary>The first value of <paramref name="key"/>, or null.</summary>
    public string? Get(string key) => TryGetValues(key, out var values) ? values[0] : null;
}
