using S3Emulator.Server.Diagnostics;

namespace S3Emulator.Server.Tests.Diagnostics;

public sealed class LoggedTargetTests
{
    [TestCase("/bucket/key", "/bucket/key")]
    [TestCase("/bucket/key?uploads", "/bucket/key?uploads")]
    [TestCase("/bucket?list-type=2&prefix=a%2Fb", "/bucket?list-type=2&prefix=a%2Fb")]
    [TestCase(
        "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260301T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=abcdef",
        "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260301T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host")]
    [TestCase("/b/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700000000&Signature=c2lnbmF0dXJl", "/b/k?Expires=1700000000")]
    [TestCase("/b/k?x-amz-security-token=session&versionId=3", "/b/k?versionId=3")]
    [TestCase("/b/k?X-Amz-Signatur%65=abc", "/b/k")]
    [TestCase("/b/k?x-amz-server-side-encryption-customer-key=a2V5&x-amz-server-side-encryption-customer-key-MD5=bWQ1", "/b/k")]
    [TestCase("/b/k?Signature", "/b/k")]
    public void From_LeavesOutSignatureCredentialTokenAndKeyParameters(string rawTarget, string logged)
    {
        Assert.That(LoggedTarget.From(rawTarget), Is.EqualTo(logged));
    }

    [Test]
    public void From_ATargetWithoutQuery_IsTheSameString()
    {
        const string target = "/bucket/a%20key";

        Assert.That(LoggedTarget.From(target), Is.SameAs(target));
    }
}
