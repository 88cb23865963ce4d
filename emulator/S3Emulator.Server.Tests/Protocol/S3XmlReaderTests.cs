using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>The one reader every XML request body goes through: hostile bodies are S3's errors, never work.</summary>
public sealed class S3XmlReaderTests
{
    [Test]
    public Task BodyNested100000Deep_IsMalformedXml() => AssertRefused(Nested(100_000), "MalformedXML");

    [Test]
    public Task BodyOneLevelPastTheDepthLimit_IsMalformedXml() => AssertRefused(Nested(S3Xml.MaxDepth + 2), "MalformedXML");

    [Test]
    public async Task BodyAtTheDepthLimit_IsRead()
    {
        var root = await S3Xml.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Nested(S3Xml.MaxDepth + 1))), CancellationToken.None);

        Assert.That(root.DescendantsAndSelf().Count(), Is.EqualTo(S3Xml.MaxDepth + 1));
    }

    [Test]
    public Task BodyWithADtd_IsMalformedXml() =>
        AssertRefused("<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><Delete><Object><Key>&b;</Key></Object></Delete>", "MalformedXML");

    [Test]
    public Task BodyWithAnExternalEntity_IsMalformedXml() =>
        AssertRefused("<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key></Object></Delete>", "MalformedXML");

    [Test]
    public Task BodyOverTheSizeLimit_IsMaxMessageLengthExceeded() =>
        AssertRefused("<Delete>" + new string(' ', 2 * 1024 * 1024) + "</Delete>", "MaxMessageLengthExceeded");

    [Test]
    public Task BodyWithBytesThatAreNotUtf8_IsMalformedXml()
    {
        var bytes = Encoding.UTF8.GetBytes("<Delete><Object><Key>a</Key></Object></Delete>");
        bytes[bytes.Length - 20] = 0xC0; // inside the key: an overlong lead byte
        return AssertRefused(bytes, "MalformedXML");
    }

    [TestCase("&#xD800;")]
    [TestCase("&#xDFFF;")]
    [TestCase("&#x0;")]
    [TestCase("&#xFFFE;")]
    public Task KeyWithACharacterReferenceXmlForbids_IsMalformedXml(string reference) =>
        AssertRefused($"<Delete><Object><Key>a{reference}</Key></Object></Delete>", "MalformedXML");

    [TestCase("")]
    [TestCase("not xml")]
    [TestCase("<Delete>")]
    public Task EmptyOrBrokenBody_IsMalformedXml(string body) => AssertRefused(body, "MalformedXML");

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));

    private static Task AssertRefused(string body, string code) => AssertRefused(Encoding.UTF8.GetBytes(body), code);

    private static async Task AssertRefused(byte[] body, string code)
    {
        var exception = await Assert.CatchAsync<S3Exception>(() => S3Xml.ReadAsync(new MemoryStream(body), CancellationToken.None));
        Assert.That(exception!.Error.Code, Is.EqualTo(code));
    }
}
