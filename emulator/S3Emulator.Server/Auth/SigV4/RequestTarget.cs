namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// The request target exactly as sent (<c>IHttpRequestFeature.RawTarget</c>), split into the raw path
/// and the percent-decoded query parameters in their original order.
/// </summary>
internal sealed class RequestTarget
{
    private readonly string _target;
    private readonly int _questionMark;
    private readonly List<KeyValuePair<string, string>> _query;
    private string? _rawQuery;

    private RequestTarget(string target, int questionMark, string rawPath, List<KeyValuePair<string, string>> query)
    {
        _target = target;
        _questionMark = questionMark;
        RawPath = rawPath;
        _query = query;
    }

    /// <summary>The path as sent, never normalised or re-encoded: S3 signs it that way.</summary>
    public string RawPath { get; }

    /// <summary>The query as sent, without its <c>?</c>: SigV2 signs parts of it undecoded.</summary>
    public string RawQuery => _rawQuery ??= _questionMark < 0 ? string.Empty : _target[(_questionMark + 1)..];

    /// <summary>Decoded query parameters; a parameter without <c>=</c> has an empty value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

    public static RequestTarget Parse(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var target = StripAbsoluteForm(rawTarget);
        var questionMark = target.IndexOf('?', StringComparison.Ordinal);
        var path = questionMark < 0 ? target : target[..questionMark];
        var query = questionMark < 0 ? [] : target.AsSpan(questionMark + 1);
        return new RequestTarget(target, questionMark, path.Length == 0 ? "/" : path, ParseQuery(query));
    }

    /// <summary>The decoded value of the first parameter named exactly <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var pair in _query)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    public bool Has(string name) => Get(name) is not null;

    // Slices of the target: only the decoded names and values are allocated.
    private static List<KeyValuePair<string, string>> ParseQuery(ReadOnlySpan<char> query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var range in query.Split('&'))
        {
            var segment = query[range];
            if (segment.Length == 0)
            {
                continue;
            }

            var equals = segment.IndexOf('=');
            var key = equals < 0 ? segment : segment[..equals];
            var value = equals < 0 ? [] : segment[(equals + 1)..];
            pairs.Add(new(UriEncoding.Decode(key), UriEncoding.Decode(value)));
        }

        return pairs;
    }

    // A proxy-style absolute-form target ("http://host/path?q") carries the path after the authority.
    private static string StripAbsoluteForm(string target)
    {
        if (target.StartsWith('/'))
        {
            return target;
        }

        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return target;
        }

        var pathStart = target.IndexOfAny(['/', '?'], scheme + 3);
        return pathStart < 0 ? "/" : target[pathStart..];
    }
}
