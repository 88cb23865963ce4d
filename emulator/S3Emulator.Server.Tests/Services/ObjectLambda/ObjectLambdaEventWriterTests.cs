using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Model;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Services.ObjectLambda;

namespace S3Emulator.Server.Tests.Services.ObjectLambda;

/// <summary>The event a function receives (object-lambda.md §3): exactly the documented shape, never the caller's credentials.</summary>
public sealed class ObjectLambdaEventWriterTests
{
    private const string Account = "123456789012";
    private const string OlapArn = "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/olap";
    private const string SupportingArn = "arn:aws:s3:us-east-1:123456789012:accesspoint/ap";
    private const string InputUrl = "https://localhost:9443/ap-alias/a%20b.txt?X-Amz-Signature=abc";
    private const string Host = "olap-123456789012.localhost:9443";

    private static readonly PrincipalDirectory Directory = new(
        [new IamUser(Account, "alice", "AIDAALICEALICEALICE1", [])],
        [new IamRole("reader", Account, "AROAEXAMPLEEXAMPLE12", [], new NamedPolicy("trust", "{}"), 3600)]);

    private static readonly S3Principal Root = S3Principal.For(new S3Credential("AKIAROOTROOTROOTROOT", "s", Account, S3Principal.RootUserName), null, Directory);

    private static HttpRequest Request(params (string Name, string Value)[] extra)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Method = "GET";
        context.Request.Headers.Host = Host;
        context.Request.Headers["Accept-Encoding"] = "identity";
        context.Request.Headers["X-Amz-Content-SHA256"] = "UNSIGNED-PAYLOAD";
        foreach (var (name, value) in extra) context.Request.Headers.Append(name, value);
        return context.Request;
    }

    private static JsonObject Write(
        ObjectLambdaAction action, (string, string)? output = null, HttpRequest? request = null, string rawTarget = "/a%20b.txt",
        S3Principal? principal = null, string? payload = """{"compressionType":"gzip"}""") =>
        JsonNode.Parse(ObjectLambdaEventWriter.Write("REQ123", action, InputUrl, output, OlapArn, SupportingArn, payload,
            request ?? Request(), rawTarget, principal ?? Root))!.AsObject();

    [Test]
    public void GetObjectEvent_HasExactlyTheDocumentedShape()
    {
        var written = Write(ObjectLambdaAction.GetObject, ("io-emu-route", "token+/="));

        var expected = JsonNode.Parse($$"""
            {
              "xAmzRequestId": "REQ123",
              "getObjectContext": {"inputS3Url": "{{InputUrl}}", "outputRoute": "io-emu-route", "outputToken": "token+/="},
              "configuration": {"accessPointArn": "{{OlapArn}}", "supportingAccessPointArn": "{{SupportingArn}}", "payload": "{\"compressionType\":\"gzip\"}"},
              "userRequest": {
                "url": "https://{{Host}}/a b.txt",
                "headers": {"Host": "{{Host}}", "Accept-Encoding": "identity", "X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD"}
              },
              "userIdentity": {"type": "Root", "principalId": "123456789012", "arn": "arn:aws:iam::123456789012:root", "accountId": "123456789012",
                               "accessKeyId": "AKIAROOTROOTROOTROOT"},
              "protocolVersion": "1.00"
            }
            """);
        Assert.That(JsonNode.DeepEquals(written, expected), Is.True, written.ToJsonString());
    }

    [TestCase(ObjectLambdaAction.HeadObject, "headObjectContext")]
    [TestCase(ObjectLambdaAction.ListObjects, "listObjectsContext")]
    [TestCase(ObjectLambdaAction.ListObjectsV2, "listObjectsV2Context")]
    public void HeadAndListEvents_CarryOnlyTheInputUrl_InTheirOwnContext(ObjectLambdaAction action, string contextName)
    {
        var written = Write(action);

        Assert.That(written.Select(member => member.Key),
            Is.EqualTo(new[] { "xAmzRequestId", contextName, "configuration", "userRequest", "userIdentity", "protocolVersion" }));
        Assert.That(JsonNode.DeepEquals(written[contextName], new JsonObject { ["inputS3Url"] = InputUrl }), Is.True);
    }

    [Test]
    public void UserRequest_LeavesOutTheCallersCredentials_AndJoinsRepeatedHeaders()
    {
        var request = Request(("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA…, Signature=feed"), ("x-amz-security-token", "SECRET-TOKEN"),
            ("X-Custom", "a"), ("X-Custom", "b"), ("Range", "bytes=0-9"));

        var written = Write(ObjectLambdaAction.GetObject, ("r", "t"), request);

        var headers = written["userRequest"]!["headers"]!.AsObject();
        Assert.That(headers.Select(h => h.Key), Has.None.EqualTo("Authorization").IgnoreCase.And.None.EqualTo("X-Amz-Security-Token").IgnoreCase);
        Assert.That(headers["X-Custom"]!.GetValue<string>(), Is.EqualTo("a,b"));
        Assert.That(headers["Range"]!.GetValue<string>(), Is.EqualTo("bytes=0-9"));
        Assert.That(written.ToJsonString(), Does.Not.Contain("SECRET-TOKEN").And.Not.Contain("Signature=feed"));
    }

    [Test]
    public void UserRequestUrl_IsDecoded_AndLeavesOutEveryAuthParameter_KeepingTheOthers()
    {
        const string target = "/dir/a%20b%2Bc.txt?versionId=v%201&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260102&X-Amz-Date=20260102T030405Z" +
            "&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Security-Token=SECRET-TOKEN&X-Amz-Signature=feed&partNumber=2" +
            "&AWSAccessKeyId=AKIA&Signature=sig&Expires=1767322800";

        var url = Write(ObjectLambdaAction.GetObject, ("r", "t"), rawTarget: target)["userRequest"]!["url"]!.GetValue<string>();

        Assert.That(url, Is.EqualTo($"https://{Host}/dir/a b+c.txt?versionId=v%201&partNumber=2"));
    }

    [Test]
    public void UserIdentity_OfAnIamUser_IsCloudTrailsIamUser()
    {
        var alice = S3Principal.For(new S3Credential("AKIAALICEALICEALICE1", "s", Account, "alice"), null, Directory);

        var identity = Write(ObjectLambdaAction.GetObject, ("r", "t"), principal: alice)["userIdentity"];

        Assert.That(JsonNode.DeepEquals(identity, JsonNode.Parse("""
            {"type": "IAMUser", "principalId": "AIDAALICEALICEALICE1", "arn": "arn:aws:iam::123456789012:user/alice", "accountId": "123456789012",
             "accessKeyId": "AKIAALICEALICEALICE1", "userName": "alice"}
            """)), Is.True, identity!.ToJsonString());
    }

    [Test]
    public void UserIdentity_OfARoleSession_IsCloudTrailsAssumedRole_WithItsSessionContext()
    {
        var session = new SessionClaims("ASIAROLEROLEROLEROLE", "secret", Account, "arn:aws:iam::123456789012:role/reader", "reader",
            "AROAEXAMPLEEXAMPLE12", "s1", null, null, [], [], new DateTimeOffset(2021, 3, 10, 23, 41, 52, TimeSpan.Zero),
            new DateTimeOffset(2021, 3, 11, 0, 41, 52, TimeSpan.Zero));
        var principal = S3Principal.For(new S3Credential(session.AccessKeyId, session.SecretAccessKey, Account, session.SessionArn), session, Directory);

        var identity = Write(ObjectLambdaAction.HeadObject, principal: principal)["userIdentity"];

        Assert.That(JsonNode.DeepEquals(identity, JsonNode.Parse("""
            {"type": "AssumedRole", "principalId": "AROAEXAMPLEEXAMPLE12:s1", "arn": "arn:aws:sts::123456789012:assumed-role/reader/s1",
             "accountId": "123456789012", "accessKeyId": "ASIAROLEROLEROLEROLE",
             "sessionContext": {"attributes": {"mfaAuthenticated": "false", "creationDate": "Wed Mar 10 23:41:52 UTC 2021"},
                                "sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEEXAMPLE12", "arn": "arn:aws:iam::123456789012:role/reader",
                                                  "accountId": "123456789012", "userName": "reader"}}}
            """)), Is.True, identity!.ToJsonString());
        Assert.That(identity.ToJsonString(), Does.Not.Contain("secret"));
    }

    [TestCase("""{"a":[1,2],"b":"ü\"\\"}""")]
    [TestCase("")]
    [TestCase("not json at all")]
    public void Payload_IsPassedThroughUnchanged(string payload) =>
        Assert.That(Write(ObjectLambdaAction.ListObjects, payload: payload)["configuration"]!["payload"]!.GetValue<string>(), Is.EqualTo(payload));

    [Test]
    public void NoPayload_IsAnEmptyString() =>
        Assert.That(Write(ObjectLambdaAction.ListObjects, payload: null)["configuration"]!["payload"]!.GetValue<string>(), Is.EqualTo(""));
}
