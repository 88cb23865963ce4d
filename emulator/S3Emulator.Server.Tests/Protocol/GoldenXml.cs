using System.Xml.Linq;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>
/// Compares a response body with a hand-written golden file in TestData/Xml. Both sides are parsed and
/// rebuilt without whitespace-only text and comments (golden files are indented and say where their shape
/// comes from); element order, names, namespaces and values must then be identical.
/// </summary>
internal static class GoldenXml
{
    public static void AssertMatches(string actualXml, string goldenName)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "Xml", goldenName + ".xml");
        Assert.That(File.Exists(path), Is.True, $"golden file missing: {path}");
        var expected = XDocument.Parse(File.ReadAllText(path));
        var actual = XDocument.Parse(actualXml);

        // S3 starts every XML body with this declaration; SDK parsers tolerate its absence, but we pin it.
        Assert.That(actual.Declaration?.ToString(), Is.EqualTo(expected.Declaration?.ToString()), "XML declaration");
        var expectedRoot = Normalise(expected.Root!);
        var actualRoot = Normalise(actual.Root!);
        Assert.That(XNode.DeepEquals(expectedRoot, actualRoot), Is.True,
            $"The body differs from {goldenName}.xml.{Environment.NewLine}Expected:{Environment.NewLine}{expectedRoot}"
            + $"{Environment.NewLine}Actual:{Environment.NewLine}{actualRoot}");
    }

    /// <summary>
    /// Upload ids are random, so before comparing, every id the test created is replaced by the placeholder
    /// its golden file uses (for example <c>{UploadId:sample.jpg}</c>). Ids are base64url: no XML escaping
    /// can hide one from a plain text replace.
    /// </summary>
    public static string MaskUploadIds(string xml, params (string UploadId, string Placeholder)[] uploads)
    {
        foreach (var (uploadId, placeholder) in uploads)
        {
            Assert.That(xml, Does.Contain(uploadId), $"the body does not mention the upload behind {placeholder}");
            xml = xml.Replace(uploadId, placeholder, StringComparison.Ordinal);
        }
        return xml;
    }

    /// <summary>
    /// Rebuilds the element so that <c>&lt;a/&gt;</c> and <c>&lt;a&gt;&lt;/a&gt;</c> compare equal (DeepEquals tells them
    /// apart, S3 clients do not) and comments and indentation disappear.
    /// </summary>
    private static XElement Normalise(XElement element) => new(
        element.Name,
        element.Attributes(),
        element.HasElements ? element.Elements().Select(Normalise) : element.Value.Length == 0 ? null : element.Value);
}
