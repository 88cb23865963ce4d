namespace S3Emulator.Core.Policy;

/// <summary>
/// A compiled IAM glob: <c>*</c> matches any run of characters, <c>?</c> exactly one. Compiled once at parse time;
/// matching allocates nothing and uses no regex (plain equality and prefix tests take fast paths). Characters that came
/// from a policy variable's value or from the <c>${*}</c>/<c>${?}</c> escapes are literal, hence the per-character mask.
/// </summary>
internal sealed class WildcardPattern
{
    private enum Shape { Exact, Prefix, Any, General }

    private readonly string _text;
    private readonly bool[]? _wild; // null: every '*' and '?' in _text is a wildcard
    private readonly bool _ignoreCase;
    private readonly Shape _shape;

    private WildcardPattern(string text, bool[]? wild, bool ignoreCase)
    {
        _text = text;
        _wild = wild;
        _ignoreCase = ignoreCase;
        _shape = Classify();
    }

    public string Text => _text;

    public bool HasWildcards => _shape != Shape.Exact;

    /// <summary>Every <c>*</c> and <c>?</c> in <paramref name="pattern"/> is a wildcard.</summary>
    public static WildcardPattern Parse(string pattern, bool ignoreCase) => new(pattern, null, ignoreCase);

    /// <summary>A pattern with no wildcards at all.</summary>
    public static WildcardPattern Literal(string text, bool ignoreCase) => new(text, new bool[text.Length], ignoreCase);

    /// <summary>A pattern whose wildcard positions are given explicitly (<paramref name="wild"/>[i] true: a wildcard).</summary>
    public static WildcardPattern FromMask(string text, bool[] wild, bool ignoreCase) => new(text, wild, ignoreCase);

    // Case-sensitive patterns (resources, StringLike) take the ordinal overloads, which compare inline and vectorized
    // rather than through the StringComparison dispatch.
    public bool Matches(string input) => _shape switch
    {
        Shape.Exact => _ignoreCase ? string.Equals(_text, input, StringComparison.OrdinalIgnoreCase) : string.Equals(_text, input),
        Shape.Any => true,
        Shape.Prefix => _ignoreCase
            ? input.AsSpan().StartsWith(_text.AsSpan(0, _text.Length - 1), StringComparison.OrdinalIgnoreCase)
            : input.AsSpan().StartsWith(_text.AsSpan(0, _text.Length - 1)),
        _ => MatchGeneral(input),
    };

    public override string ToString() => _text;

    private bool IsWild(int i) => _wild is null ? _text[i] is '*' or '?' : _wild[i];

    private Shape Classify()
    {
        var wildCount = 0;
        var lastWild = -1;
        for (var i = 0; i < _text.Length; i++)
        {
            if (!IsWild(i))
            {
                continue;
            }

            wildCount++;
            lastWild = i;
        }

        if (wildCount == 0)
        {
            return Shape.Exact;
        }

        if (wildCount == 1 && lastWild == _text.Length - 1 && _text[lastWild] == '*')
        {
            return _text.Length == 1 ? Shape.Any : Shape.Prefix;
        }

        return Shape.General;
    }

    // The classic greedy glob match with one backtrack point: linear in practice, no allocation.
    private bool MatchGeneral(string input)
    {
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < input.Length)
        {
            if (p < _text.Length && IsWild(p) && _text[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (p < _text.Length && ((IsWild(p) && _text[p] == '?') || (!IsWild(p) && CharEquals(_text[p], input[s]))))
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < _text.Length && IsWild(p) && _text[p] == '*')
        {
            p++;
        }

        return p == _text.Length;
    }

    private bool CharEquals(char a, char b) =>
        a == b || (_ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
