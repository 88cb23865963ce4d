using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Tests.Auth.SigV4;

public sealed class CanonicalRequestTests
{
    [TestCase("", "")]
    [TestCase("acl", "acl=")]
    [TestCase("prefix=a%2Fb&list-type=2&acl", "acl=&list-type=2&prefix=a%2Fb")]
    [TestCase("k=%7e%41", "k=~A")]
    [TestCase("k=a+b", "k=a%2Bb")]
    [TestCase("k=a b", "k=a%20b")]
    [TestCase("b=2&a=2&a=1", "a=1&a=2&b=2")]
    [TestCase("x=%C3%BC&&y=", "x=%C3%BC&y=")]
    [TestCase("X-Amz-Credential=AKID%2F20260102%2Fus-east-1%2Fs3%2Faws4_request", "X-Amz-Credential=AKID%2F20260102%2Fus-east-1%2Fs3%2Faws4_request")]
    [TestCase("Z=1&a=1&_=1&~=1", "Z=1&_=1&a=1&~=1")]
    public void Query_FromRawQuery_IsDecodedReencodedAndSorted(string rawQuery, string expected)
    {
        var target = RequestTarget.Parse("/b/k?" + rawQuery);

        Assert.That(CanonicalRequest.Query(target.Query), Is.EqualTo(expected));
    }

    [TestCase("/bucket/a/../b//c", "/bucket/a/../b//c")]
    [TestCase("/bucket/a%20b%2Bc%252F", "/bucket/a%20b%2Bc%252F")]
    [TestCase("", "/")]
    [TestCase("?x=1", "/")]
    [TestCase("http://host:9000/bucket/k?x=1", "/bucket/k")]
    public void RawPath_IsKeptExactlyAsSent(string rawTarget, string expectedPath)
    {
        Assert.That(RequestTarget.Parse(rawTarget).RawPath, Is.EqualTo(expectedPath));
    }

    [TestCase("  a   b  c ", "a b c")]
    [TestCase("plain", "plain")]
    [TestCase("", "")]
    public void CanonicalHeaderValue_TrimsAndCollapsesSpaces(string value, string expected)
    {
        Assert.That(CanonicalRequest.CanonicalHeaderValue(value), Is.EqualTo(expected));
    }

    // The "GET Object" example of https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html.
    [Test]
    public void Build_AwsDocumentationGetObjectExample_GivesDocumentedSignature()
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = "examplebucket.s3.amazonaws.com",
            ["range"] = "bytes=0-9",
            ["x-amz-content-sha256"] = SigV4Constants.EmptySha256,
            ["x-amz-date"] = "20130524T000000Z",
        };
        var canonical = CanonicalRequest.Build("GET", "/test.txt", [], [.. headers.Keys], name => headers[name], SigV4Constants.EmptySha256);
        var stringToSign = StringToSign.ForRequest("20130524T000000Z", "20130524/us-east-1/s3/aws4_request", canonical);
        var key = SigningKeyCache.Derive("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20130524", "us-east-1", "s3");

        Assert.That(Hex.Sha256(canonical), Is.EqualTo("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
        Assert.That(SigningKeyCache.Sign(key, stringToSign), Is.EqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    }

    [Test]
    public void Derive_SigningKey_EqualsAwsSdkComposeSigningKey()
    {
        var ours = SigningKeyCache.Derive(SdkSigner.Secret, "20260102", "us-east-1", "s3-object-lambda");
        var sdk = Amazon.Runtime.Internal.Auth.AWS4Signer.ComposeSigningKey(SdkSigner.Secret, "us-east-1", "20260102", "s3-object-lambda");

        Assert.That(ours, Is.EqualTo(sdk));
    }

    [Test]
    public void Get_SameScopeTwice_ReturnsCachedKeyAndDiffersPerScope()
    {
        var cache = new SigningKeyCache();

        var first = cache.Get("secret", "20260102", "us-east-1", "s3");

        Assert.That(cache.Get("secret", "20260102", "us-east-1", "s3"), Is.SameAs(first));
        Assert.That(cache.Get("secret", "20260103", "us-east-1", "s3"), Is.Not.EqualTo(first));
        Assert.That(cache.Get("other", "20260102", "us-east-1", "s3"), Is.Not.EqualTo(first));
    }

    [Test]
    public void SignatureEquals_ComparesExactHex()
    {
        var signature = new string('a', 64);

        Assert.That(Hex.SignatureEquals(signature, signature), Is.True);
        Assert.That(Hex.SignatureEquals(signature, new string('b', 64)), Is.False);
        Assert.That(Hex.SignatureEquals(signature, "aa"), Is.False);
        Assert.That(Hex.SignatureEquals(signature, null), Is.False);
    }
}
