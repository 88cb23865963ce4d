using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Protocol;

/// <summary>Builds and reads S3's XML: the namespace, element helpers and S3's date format.</summary>
internal static class S3Xml
{
    public static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>The deepest element (root = 0) a request body may hold; S3's schemas need fewer than ten levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>An element in the S3 namespace; null content is left out, so optional fields can be passed as is.</summary>
    public static XElement E(string name, params object?[] content) => new(Ns + name, content.Where(c => c is not null));

    /// <summary>An element only when <paramref name="value"/> is not null.</summary>
    public static XElement? Optional(string name, string? value) => value is null ? null : E(name, value);

    public static XDocument Document(XElement root) => new(new XDeclaration("1.0", "UTF-8", null), root);

    /// <summary>
    /// A response body's text: the declaration, then <paramref name="root"/> unformatted. A character XML 1.0 cannot
    /// hold (a control character in a key) is written as a character reference, <c>&amp;#x1;</c>, as S3 writes it,
    /// instead of failing the response; <c>encoding-type=url</c> is how clients avoid it, as on S3.
    /// </summary>
    public static string ToText(XElement root)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, CheckCharacters = false }))
        {
            root.WriteTo(writer);
        }
        return Document(root).Declaration + text.ToString();
    }

    /// <summary>S3's timestamp in XML bodies: ISO 8601 with milliseconds, UTC.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// Parses a request body: the one reader for every XML body S3 accepts. Refuses DTDs (no entity expansion),
    /// elements nested deeper than <see cref="MaxDepth"/> and bodies over <paramref name="maxBytes"/>
    /// (MaxMessageLengthExceeded); anything unreadable, or no body at all, is S3's MalformedXML.
    /// </summary>
    public static async Task<XElement> ReadAsync(Stream body, CancellationToken cancellationToken, long maxBytes = 2 * 1024 * 1024) =>
        await ReadOptionalAsync(body, cancellationToken, maxBytes).ConfigureAwait(false) ?? throw new S3Exception(S3Errors.MalformedXML);

    /// <summary>As <see cref="ReadAsync"/>, but an empty body is null.</summary>
    public static async Task<XElement?> ReadOptionalAsync(Stream body, CancellationToken cancellationToken, long maxBytes = 2 * 1024 * 1024)
    {
        using var buffer = await ReadBodyAsync(body, cancellationToken, maxBytes).ConfigureAwait(false);
        return buffer is null ? null : Parse(buffer);
    }

    /// <summary>
    /// The first half of <see cref="ReadOptionalAsync"/>: the body whole (MaxMessageLengthExceeded over
    /// <paramref name="maxBytes"/>), or null when there is none. It names no XML type, so a caller that takes an empty
    /// body as a default (CreateBucket without a location constraint, nearly every CreateBucket) loads no XML assembly;
    /// a body it gets goes to <see cref="Parse"/>.
    /// </summary>
    public static async Task<MemoryStream?> ReadBodyAsync(Stream body, CancellationToken cancellationToken, long maxBytes = 2 * 1024 * 1024)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new S3Exception(S3Errors.MaxMessageLengthExceeded);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > 0) return buffer;
        buffer.Dispose();
        return null;
    }

    /// <summary>The second half of <see cref="ReadOptionalAsync"/>: parses a body <see cref="ReadBodyAsync"/> read.</summary>
    public static XElement Parse(MemoryStream buffer)
    {
        try
        {
            // Depth first, in a pass that builds nothing: loading a body nested 100,000 deep costs minutes.
            buffer.Position = 0;
            using (var scan = XmlReader.Create(buffer, SafeSettings()))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth) throw new S3Exception(S3Errors.MalformedXML);
                }
            }
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, SafeSettings());
            return XElement.Load(reader);
        }
        catch (XmlException)
        {
            throw new S3Exception(S3Errors.MalformedXML);
        }
    }

    // No DTD (so no entity expansion, internal or external), nothing resolved from outside the body.
    private static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The child's value by local name, whatever namespace the client used (SDKs differ).</summary>
    public static string? Child(this XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    public static IEnumerable<XElement> Children(this XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);
}
