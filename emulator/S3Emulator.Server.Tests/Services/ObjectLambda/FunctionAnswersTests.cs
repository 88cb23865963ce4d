using System.Text;
using System.Text.Json.Nodes;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.ObjectLambda;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Tests.Protocol;

namespace S3Emulator.Server.Tests.Services.ObjectLambda;

/// <summary>What a function returns for HEAD and List (object-lambda.md §4), turned into the caller's answer.</summary>
public sealed class FunctionAnswersTests
{
    private const string V1 = """
        {"statusCode": 200, "listBucketResult": {
          "name": "DOC-EXAMPLE-BUCKET", "prefix": "photos/", "marker": "photos/a.jpg", "nextMarker": "photos/c.jpg", "maxKeys": 2,
          "delimiter": "/", "encodingType": "url", "isTruncated": true,
          "contents": [{"key": "photos/b.jpg", "lastModified": "2026-01-02T03:04:05.000Z", "eTag": "\"0cc175b9c0f1b6a831c399e269772661\"",
                        "checksumAlgorithm": ["CRC32", "SHA256"], "size": 22,
                        "owner": {"displayName": "owner", "id": "11c9920263a3acb5d83d5313c794c5425ec635703545d62ce641820a7cc5591b"},
                        "storageClass": "STANDARD"}],
          "commonPrefixes": [{"prefix": "photos/2006/"}, {"prefix": "photos/2007/"}]}}
        """;

    private const string V2 = """
        {"statusCode": 200, "listBucketResult": {
          "name": "DOC-EXAMPLE-BUCKET", "prefix": "photos/", "startAfter": "photos/a.jpg", "continuationToken": "token-1",
          "nextContinuationToken": "token-2", "keyCount": 2, "maxKeys": 2, "delimiter": "/", "isTruncated": true,
          "contents": [{"key": "photos/b.jpg", "lastModified": "2026-01-02T03:04:05.000Z", "eTag": "\"0cc175b9c0f1b6a831c399e269772661\"",
                        "size": 22, "storageClass": "STANDARD"}],
          "commonPrefixes": [{"prefix": "photos/2006/"}]}}
        """;

    private static async Task<string> BodyAsync(S3Result result)
    {
        using var stream = new MemoryStream();
        await result.Body!(stream, CancellationToken.None);
        Assert.That(stream.Length, Is.EqualTo(result.ContentLength));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static S3Error Refused(Func<S3Result> answer) => Assert.Throws<S3Exception>(() => answer())!.Error;

    // ---- HEAD ----

    [Test]
    public void Head_TheDocumentedShape_BecomesStatusLengthAndHeaders()
    {
        var result = FunctionAnswers.Head("""
            {"statusCode": 200, "headers": {"Content-Length": 123, "Content-Type": "text/plain", "ETag": "\"abc\"",
             "Last-Modified": "Fri, 02 Jan 2026 03:04:05 GMT", "x-amz-server-side-encryption": "AES256", "x-amz-meta-Foo": "bar",
             "x-amz-archive-status": "ARCHIVE_ACCESS", "x-amz-version-id": "v1"}}
            """);

        Assert.That((result.StatusCode, result.ContentLength, result.Body), Is.EqualTo((200, 123L, (Func<Stream, CancellationToken, Task>?)null)));
        Assert.That(result.Headers, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Content-Type"] = "text/plain", ["ETag"] = "\"abc\"", ["Last-Modified"] = "Fri, 02 Jan 2026 03:04:05 GMT",
            ["x-amz-server-side-encryption"] = "AES256", ["x-amz-meta-foo"] = "bar", ["x-amz-archive-status"] = "ARCHIVE_ACCESS",
            ["x-amz-version-id"] = "v1",
        }));
    }

    [Test]
    public void Head_ContentLengthAsAString_IsAccepted() =>
        Assert.That(FunctionAnswers.Head("""{"statusCode": 206, "headers": {"content-length": "7"}}""").ContentLength, Is.EqualTo(7));

    [TestCase("""{"headers": {"Content-Length": 1}}""")]
    [TestCase("""{"statusCode": "200", "headers": {"Content-Length": 1}}""")]
    [TestCase("""{"statusCode": 200}""")]
    [TestCase("""{"statusCode": 200, "headers": {}}""")]
    [TestCase("""{"statusCode": 200, "headers": {"Content-Type": "text/plain"}}""")]
    [TestCase("""{"statusCode": 200, "headers": {"Content-Length": -1}}""")]
    [TestCase("""{"statusCode": 200, "headers": {"Content-Length": "x"}}""")]
    [TestCase("""{"statusCode": 200, "headers": {"Content-Length": 1, "X-Custom": "v"}}""")]
    [TestCase("""{"statusCode": 200, "headers": {"Content-Length": 1, "Location": "http://elsewhere"}}""")]
    [TestCase("""{"statusCode": 200, "headers": {"Content-Length": 1, "Set-Cookie": "a=b"}}""")]
    [TestCase("""{"statusCode": 200, "headers": [1]}""")]
    [TestCase("""not json""")]
    [TestCase("""[1, 2]""")]
    [TestCase("""null""")]
    [TestCase("")]
    [TestCase(null)]
    public void Head_AnythingElse_IsLambdaInvalidResponse(string? payload)
    {
        var error = Refused(() => FunctionAnswers.Head(payload));

        Assert.That((error.Code, error.StatusCode), Is.EqualTo(("LambdaInvalidResponse", 400)));
    }

    [TestCase(403, "AccessDenied", "No entry")]
    [TestCase(404, "NoSuchKey", "Not here")]
    [TestCase(500, "InternalError", "Broken")]
    public void Head_AnErrorStatus_IsThatError(int status, string code, string message)
    {
        var error = Refused(() => FunctionAnswers.Head($$"""{"statusCode": {{status}}, "errorCode": "{{code}}", "errorMessage": "{{message}}"}"""));

        Assert.That((error.StatusCode, error.Code, error.Message), Is.EqualTo((status, code, message)));
    }

    // ---- List ----

    [Test]
    public async Task List_ListBucketResultV1_IsS3sListObjectsXml()
    {
        var result = FunctionAnswers.List(V1);

        Assert.That((result.StatusCode, result.Headers["Content-Type"]), Is.EqualTo((200, "application/xml")));
        GoldenXml.AssertMatches(await BodyAsync(result), "ObjectLambda.ListBucketResult.V1");
    }

    [Test]
    public async Task List_ListBucketResultV2_IsS3sListObjectsV2Xml() =>
        GoldenXml.AssertMatches(await BodyAsync(FunctionAnswers.List(V2)), "ObjectLambda.ListBucketResult.V2");

    [Test]
    public async Task List_ListBucketResultMembersInAnyOrder_GiveS3sElementOrder()
    {
        var listing = JsonNode.Parse(V1)!["listBucketResult"]!.AsObject();
        var reversed = new JsonObject(listing.Reverse().Select(member => KeyValuePair.Create(member.Key, member.Value?.DeepClone())));

        var result = FunctionAnswers.List(new JsonObject { ["statusCode"] = 200, ["listBucketResult"] = reversed }.ToJsonString());

        GoldenXml.AssertMatches(await BodyAsync(result), "ObjectLambda.ListBucketResult.V1");
    }

    [Test]
    public async Task List_ListResultXml_IsPassedThroughUnchecked_WithItsStatus()
    {
        const string xml = "<Error><Code>Whatever</Code></Error>";

        var result = FunctionAnswers.List($$"""{"statusCode": 403, "listResultXml": "{{xml}}"}""");

        Assert.That((result.StatusCode, result.Headers["Content-Type"]), Is.EqualTo((403, "application/xml")));
        Assert.That(await BodyAsync(result), Is.EqualTo(xml));
    }

    [TestCase("""{"listResultXml": "<a/>"}""")]
    [TestCase("""{"statusCode": 200, "listResultXml": "<a/>", "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false}}""")]
    [TestCase("""{"statusCode": 200}""")]
    [TestCase("""{"statusCode": 200, "listResultXml": 5}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": "<ListBucketResult/>"}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": "many", "isTruncated": false}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": "no"}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": 5, "maxKeys": 1, "isTruncated": false}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"maxKeys": 1, "isTruncated": false}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "isTruncated": false}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false, "contents": [{"size": 1}]}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false, "contents": [{"key": "k"}]}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false, "contents": [{"key": "k", "size": "big"}]}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false, "contents": "k"}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false, "commonPrefixes": [{"key": "p/"}]}}""")]
    [TestCase("""{"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false, "contents": [{"key": "k", "size": 1, "owner": {"id": "x"}}]}}""")]
    [TestCase("""<ListBucketResult/>""")]
    [TestCase(null)]
    public void List_AnythingElse_IsLambdaInvalidResponse(string? payload) =>
        Assert.That(Refused(() => FunctionAnswers.List(payload)).Code, Is.EqualTo("LambdaInvalidResponse"));

    [Test]
    public async Task List_UnknownAndNullMembers_AreLeftOut()
    {
        var result = FunctionAnswers.List("""
            {"statusCode": 200, "listBucketResult": {"name": "b", "maxKeys": 1, "isTruncated": false, "prefix": null, "colour": "blue",
             "contents": [{"key": "k", "size": 0, "checksumType": "FULL_OBJECT"}]}}
            """);

        Assert.That(await BodyAsync(result), Does.EndWith(
            """<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated>""" +
            "<Contents><Key>k</Key><Size>0</Size></Contents></ListBucketResult>"));
    }

    [Test]
    public void List_AnErrorStatusWithoutXml_IsThatError()
    {
        var error = Refused(() => FunctionAnswers.List("""{"statusCode": 404, "errorCode": "NoSuchBucket", "errorMessage": "Gone"}"""));

        Assert.That((error.StatusCode, error.Code, error.Message), Is.EqualTo((404, "NoSuchBucket", "Gone")));
    }
}
