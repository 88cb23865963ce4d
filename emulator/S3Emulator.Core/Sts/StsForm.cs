using System.Text;

namespace S3Emulator.Core.Sts;

/// <summary>
/// The parameters of an STS query-protocol request: <c>application/x-www-form-urlencoded</c> pairs from the body
/// (or, for a presigned GET, the query). Names are case-sensitive as AWS reads them; when a name repeats, the first
/// value counts. Lists arrive as <c>Name.member.N[.Field]</c>.
/// </summary>
public sealed class StsForm
{
    private readonly Dictionary<string, string> _values;

    private StsForm(Dictionary<string, string> values) => _values = values;

    /// <summary>The parameter names present.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Reads <paramref name="encoded"/> (<c>a=1&amp;b=x%20y</c>; <c>+</c> is a space).</summary>
    public static StsForm Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            values.TryAdd(name, value);
        }

        return new StsForm(values);
    }

    /// <summary>Reads a UTF-8 form body.</summary>
    public static StsForm Parse(ReadOnlySpan<byte> body) => Parse(Encoding.UTF8.GetString(body));

    /// <summary>The value of <paramref name="name"/>, or null when absent.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>
    /// The members of list <paramref name="name"/> (<c>name.member.1</c>, <c>name.member.2</c>, … up to the first gap),
    /// each read by <paramref name="read"/> from its prefix (<c>name.member.N</c>). An empty list (<c>name=</c>) is empty.
    /// </summary>
    public IReadOnlyList<T> List<T>(string name, Func<string, T> read)
    {
        var items = new List<T>();
        for (var index = 1; ; index++)
        {
            var prefix = $"{name}.member.{index}";
            if (!_values.Keys.Any(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                return items;
            }

            items.Add(read(prefix));
        }
    }

    // Form encoding: '+' is a space, then percent-decoding as UTF-8 (malformed escapes stay as sent).
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
