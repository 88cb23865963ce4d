using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Services.S3.Routing;

public sealed class S3RequestClassifierTests
{
    private readonly S3RequestClassifier _classifier = new(["localhost", "s3.example.test"]);

    [TestCase("GET", "localhost:9000", "/", S3Operation.ListBuckets)]
    [TestCase("PUT", "localhost", "/bkt", S3Operation.CreateBucket)]
    [TestCase("PUT", "localhost", "/bkt/", S3Operation.CreateBucket)]
    [TestCase("HEAD", "localhost", "/bkt", S3Operation.HeadBucket)]
    [TestCase("DELETE", "localhost", "/bkt", S3Operation.DeleteBucket)]
    [TestCase("GET", "localhost", "/bkt?location", S3Operation.GetBucketLocation)]
    [TestCase("GET", "localhost", "/bkt", S3Operation.ListObjects)]
    [TestCase("GET", "localhost", "/bkt?list-type=2&prefix=a", S3Operation.ListObjectsV2)]
    [TestCase("GET", "localhost", "/bkt?uploads", S3Operation.ListMultipartUploads)]
    [TestCase("POST", "localhost", "/bkt?delete", S3Operation.DeleteObjects)]
    [TestCase("GET", "localhost", "/bkt?policyStatus", S3Operation.GetBucketPolicyStatus)]
    [TestCase("GET", "localhost", "/bkt?policy", S3Operation.GetBucketPolicy)]
    [TestCase("PUT", "localhost", "/bkt?encryption", S3Operation.PutBucketEncryption)]
    [TestCase("GET", "localhost", "/bkt/key", S3Operation.GetObject)]
    [TestCase("GET", "localhost", "/bkt/key?x-id=GetObject", S3Operation.GetObject)]
    [TestCase("HEAD", "localhost", "/bkt/key", S3Operation.HeadObject)]
    [TestCase("PUT", "localhost", "/bkt/key", S3Operation.PutObject)]
    [TestCase("DELETE", "localhost", "/bkt/key", S3Operation.DeleteObject)]
    [TestCase("GET", "localhost", "/bkt/key?tagging", S3Operation.GetObjectTagging)]
    [TestCase("PUT", "localhost", "/bkt/key?tagging", S3Operation.PutObjectTagging)]
    [TestCase("DELETE", "localhost", "/bkt/key?tagging", S3Operation.DeleteObjectTagging)]
    [TestCase("POST", "localhost", "/bkt/key?uploads", S3Operation.CreateMultipartUpload)]
    [TestCase("PUT", "localhost", "/bkt/key?partNumber=1&uploadId=u", S3Operation.UploadPart)]
    [TestCase("POST", "localhost", "/bkt/key?uploadId=u", S3Operation.CompleteMultipartUpload)]
    [TestCase("DELETE", "localhost", "/bkt/key?uploadId=u", S3Operation.AbortMultipartUpload)]
    [TestCase("GET", "localhost", "/bkt/key?uploadId=u", S3Operation.ListParts)]
    [TestCase("GET", "localhost", "/bkt/key?attributes", S3Operation.GetObjectAttributes)]
    [TestCase("POST", "localhost", "/bkt/key?restore", S3Operation.RestoreObject)]
    [TestCase("PATCH", "localhost", "/bkt/key", S3Operation.Unknown)]
    [TestCase("GET", "bkt.localhost", "/", S3Operation.ListObjects)]
    [TestCase("GET", "bkt.localhost:4566", "/key", S3Operation.GetObject)]
    [TestCase("GET", "bkt.s3.us-east-1.amazonaws.com", "/key", S3Operation.GetObject)]
    public void Classify_PicksTheOperation(string method, string host, string target, S3Operation expected)
    {
        var request = _classifier.Classify(method, host, target, hasCopySource: false);

        Assert.That(request.Operation, Is.EqualTo(expected));
    }

    [TestCase("PUT", "/bkt/key", S3Operation.CopyObject)]
    [TestCase("PUT", "/bkt/key?partNumber=2&uploadId=u", S3Operation.UploadPartCopy)]
    public void Classify_WithCopySourceHeader_PicksTheCopyOperation(string method, string target, S3Operation expected)
    {
        var request = _classifier.Classify(method, "localhost", target, hasCopySource: true);

        Assert.That(request.Operation, Is.EqualTo(expected));
    }

    [TestCase("localhost", "/bkt/a/../b%20c%252F%2Bx", "bkt", "a/../b c%2F+x")]
    [TestCase("localhost", "/bkt//double//slash", "bkt", "/double//slash")]
    [TestCase("localhost", "/bkt/./x", "bkt", "./x")]
    [TestCase("localhost", "/bkt/%C3%BC%20key?x-id=GetObject", "bkt", "ü key")]
    [TestCase("my.bucket.localhost", "/a/../b", "my.bucket", "a/../b")]
    [TestCase("bkt.localhost", "//x", "bkt", "/x")]
    [TestCase("bkt.s3.example.test", "/k", "bkt", "k")]
    [TestCase("bkt.s3.amazonaws.com", "/k", "bkt", "k")]
    [TestCase("bkt.s3-eu-west-1.amazonaws.com", "/k", "bkt", "k")]
    [TestCase("s3.us-east-1.amazonaws.com", "/bkt/k", "bkt", "k")]
    [TestCase("127.0.0.1:9000", "/bkt/k", "bkt", "k")]
    [TestCase("[::1]:9000", "/bkt/k", "bkt", "k")]
    public void Classify_DecodesBucketAndKeyFromTheRawTarget_WithoutNormalising(string host, string target, string bucket, string key)
    {
        var request = _classifier.Classify("GET", host, target, hasCopySource: false);

        Assert.That(request.Bucket, Is.EqualTo(bucket));
        Assert.That(request.Key, Is.EqualTo(key));
    }

    // Not UTF-8 once decoded: overlong forms, truncated sequences, encoded surrogates, stray continuation
    // bytes, bytes never valid in UTF-8. Read leniently, two different targets would name one key.
    [TestCase("localhost", "/bkt/%C0%AE")]
    [TestCase("localhost", "/bkt/%E0%80%AF")]
    [TestCase("localhost", "/bkt/a%C3")]
    [TestCase("localhost", "/bkt/a%E2%82")]
    [TestCase("localhost", "/bkt/%ED%A0%80")]
    [TestCase("localhost", "/bkt/%ED%BF%BF")]
    [TestCase("localhost", "/bkt/%80")]
    [TestCase("localhost", "/bkt/%FF")]
    [TestCase("localhost", "/bkt/%F4%90%80%80")]
    [TestCase("localhost", "/bkt%C0%AE/key")]
    [TestCase("bkt.localhost", "/%C0%AE")]
    [TestCase("localhost", "/bkt?prefix=%C0%AE")]
    [TestCase("localhost", "/bkt/key?tagging&%ED%A0%80")]
    public void Classify_TargetThatIsNotUtf8OnceDecoded_IsInvalidUri(string host, string target)
    {
        var exception = Assert.Throws<S3Exception>(() => _classifier.Classify("GET", host, target, hasCopySource: false));

        Assert.That(exception!.Error.Code, Is.EqualTo("InvalidURI"));
        Assert.That(exception.Error.StatusCode, Is.EqualTo(400));
        Assert.That(exception.Error.Message, Is.EqualTo("Couldn't parse the specified URI."));
    }

    [TestCase("/bkt/%F0%9F%98%80", "\U0001F600")]
    [TestCase("/bkt/%EF%BF%BF", "\uFFFF")]
    [TestCase("/bkt/100%", "100%")]
    [TestCase("/bkt/a%zzb", "a%zzb")]
    public void Classify_ValidUtf8AndLiteralPercentSigns_StillDecode(string target, string key)
    {
        var request = _classifier.Classify("GET", "localhost", target, hasCopySource: false);

        Assert.That(request.Key, Is.EqualTo(System.Text.RegularExpressions.Regex.Unescape(key)));
    }

    [Test]
    public void Classify_KeepsTheRawPathForSigning()
    {
        var request = _classifier.Classify("GET", "localhost", "/bkt/a/../b%20c?x-id=GetObject", hasCopySource: false);

        Assert.That(request.RawPath, Is.EqualTo("/bkt/a/../b%20c"));
        Assert.That(request.Query.Get("x-id"), Is.EqualTo("GetObject"));
    }

    [Test]
    public void Classify_AbsoluteFormTarget_UsesItsPathAndQuery()
    {
        var request = _classifier.Classify("GET", "localhost", "http://localhost:9000/bkt/k?tagging", hasCopySource: false);

        Assert.That(request.Operation, Is.EqualTo(S3Operation.GetObjectTagging));
        Assert.That(request.Key, Is.EqualTo("k"));
    }

    [Test]
    public void QueryParameters_DecodePlusAsSpaceAndKeepValuelessNames()
    {
        var query = QueryParameters.Parse("?prefix=a+b%2Bc&uploads&empty=");

        Assert.That(query.Get("prefix"), Is.EqualTo("a b+c"));
        Assert.That(query.Has("uploads"), Is.True);
        Assert.That(query.Get("uploads"), Is.EqualTo(""));
        Assert.That(query.Get("missing"), Is.Null);
    }
}
