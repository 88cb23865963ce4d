using System.Collections.Immutable;
using System.Text;

namespace S3Emulator.Core.Policy;

/// <summary>
/// A policy string that may hold policy variables (<c>${aws:username}</c>, <c>${s3:prefix, 'default'}</c>) and the
/// escapes <c>${*}</c>, <c>${?}</c>, <c>${$}</c>. Variables exist only in Version 2012-10-17; in 2008-10-17 text is taken
/// as written. Parsed once; a text without variables resolves to a cached pattern with no work per request.
/// </summary>
internal sealed class PolicyText
{
    private readonly ImmutableArray<Part> _parts;
    private readonly WildcardPattern? _constantPattern;
    private readonly WildcardPattern? _constantPatternIgnoreCase;

    private PolicyText(string raw, ImmutableArray<Part> parts)
    {
        Raw = raw;
        _parts = parts;
        if (!HasVariables)
        {
            Constant = string.Concat(parts.Select(p => p.Text));
            var mask = Mask(parts);
            _constantPattern = WildcardPattern.FromMask(Constant, mask, ignoreCase: false);
            _constantPatternIgnoreCase = WildcardPattern.FromMask(Constant, mask, ignoreCase: true);
        }
    }

    /// <summary>The text as written in the policy.</summary>
    public string Raw { get; }

    /// <summary>The value when the text has no variables (escapes resolved), else null.</summary>
    public string? Constant { get; }

    public bool HasVariables => _parts.Any(p => p.Kind == PartKind.Variable);

    /// <summary>Whether the text contains a wildcard character outside variables and escapes.</summary>
    public bool HasWildcards => _parts.Any(p => p.Kind == PartKind.Pattern && p.Text.AsSpan().IndexOfAny('*', '?') >= 0);

    /// <summary>The variable names the text uses (for validation and publicity).</summary>
    public IEnumerable<string> VariableNames => _parts.Where(p => p.Kind == PartKind.Variable).Select(p => p.Text);

    public static PolicyText Parse(string raw, bool variablesEnabled)
    {
        if (!variablesEnabled || !raw.Contains("${", StringComparison.Ordinal))
        {
            return new PolicyText(raw, [new Part(PartKind.Pattern, raw, null)]);
        }

        var parts = ImmutableArray.CreateBuilder<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < raw.Length)
        {
            var close = raw[i] == '$' && i + 1 < raw.Length && raw[i + 1] == '{' ? raw.IndexOf('}', i + 2) : -1;
            if (close < 0)
            {
                literal.Append(raw[i++]);
                continue;
            }

            var body = raw[(i + 2)..close];
            Flush(parts, literal);
            parts.Add(body switch
            {
                "*" or "?" or "$" => new Part(PartKind.Escaped, body, null),
                _ => ParseVariable(body),
            });
            i = close + 1;
        }

        Flush(parts, literal);
        return new PolicyText(raw, parts.ToImmutable());
    }

    /// <summary>The value with variables substituted; false when a variable has no value and no default.</summary>
    public bool TryResolve(IVariableSource source, out string value)
    {
        if (Constant is not null)
        {
            value = Constant;
            return true;
        }

        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part.Kind != PartKind.Variable)
            {
                builder.Append(part.Text);
            }
            else if (source.TryGetVariable(part.Text, out var resolved) || (resolved = part.Default) is not null)
            {
                builder.Append(resolved);
            }
            else
            {
                value = "";
                return false;
            }
        }

        value = builder.ToString();
        return true;
    }

    /// <summary>The text as a glob; substituted values and escapes are literal. False when a variable has no value.</summary>
    public bool TryResolvePattern(IVariableSource source, bool ignoreCase, out WildcardPattern pattern)
    {
        if (_constantPattern is not null)
        {
            pattern = ignoreCase ? _constantPatternIgnoreCase! : _constantPattern;
            return true;
        }

        var text = new StringBuilder();
        var wild = new List<bool>();
        foreach (var part in _parts)
        {
            string piece;
            if (part.Kind != PartKind.Variable)
            {
                piece = part.Text;
            }
            else if (source.TryGetVariable(part.Text, out var resolved) || (resolved = part.Default) is not null)
            {
                piece = resolved;
            }
            else
            {
                pattern = null!;
                return false;
            }

            text.Append(piece);
            foreach (var c in piece)
            {
                wild.Add(part.Kind == PartKind.Pattern && c is '*' or '?');
            }
        }

        pattern = WildcardPattern.FromMask(text.ToString(), [.. wild], ignoreCase);
        return true;
    }

    public override string ToString() => Raw;

    private static Part ParseVariable(string body)
    {
        // ${key, 'default'}: the default is a single-quoted literal after a comma.
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return new Part(PartKind.Variable, body.Trim(), null);
        }

        var name = body[..comma].Trim();
        var fallback = body[(comma + 1)..].Trim();
        if (fallback.Length >= 2 && fallback[0] == '\'' && fallback[^1] == '\'')
        {
            fallback = fallback[1..^1];
        }

        return new Part(PartKind.Variable, name, fallback);
    }

    private static void Flush(ImmutableArray<Part>.Builder parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Part(PartKind.Pattern, literal.ToString(), null));
            literal.Clear();
        }
    }

    private static bool[] Mask(ImmutableArray<Part> parts) =>
        [.. parts.SelectMany(p => p.Text.Select(c => p.Kind == PartKind.Pattern && c is '*' or '?'))];

    private enum PartKind { Pattern, Escaped, Variable }

    private sealed record Part(PartKind Kind, string Text, string? Default);
}

/// <summary>Where policy variables get their values: the request context keys, then the principal.</summary>
internal interface IVariableSource
{
    bool TryGetVariable(string name, out string value);
}
