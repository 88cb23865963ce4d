using System.Text;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Tests.Auth.SigV4;

public sealed class RequestHeadersTests
{
    [Test]
    public void AsSigned_ReadsUtf8BytesReceivedOneCharacterPerByte_AsTheTextTheClientSigned()
    {
        var received = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("Grüße 中"));

        Assert.That(RequestHeaders.AsSigned(received), Is.EqualTo("Grüße 中"));
    }

    [TestCase("ascii only")]
    [TestCase("Zürich")]
    [TestCase("中")]
    public void AsSigned_LeavesTextThatIsNotUtf8Bytes_AsItReads(string received) =>
        Assert.That(RequestHeaders.AsSigned(received), Is.EqualTo(received));
}
