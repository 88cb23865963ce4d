using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Tests.Envelope;

internal sealed class FrontRouterTests
{
    private const string OlapAlias = "my-object-lambda-acc-1a4n8yjrb3kda96f67zwrwiiuse1a--ol-s3";

    private readonly FrontRouter _router = new(["localhost"]);

    [TestCase("GET", "localhost:9000", "/_s3emulator/health", null, null, null, ServiceKind.Admin)]
    [TestCase("POST", "localhost:9000", "/", "TrentService.Encrypt", "kms", null, ServiceKind.Kms)]
    [TestCase("GET", "localhost:9000", "/", "TrentService.Encrypt", null, null, ServiceKind.S3)]
    [TestCase("POST", "localhost:9000", "/", null, "sts", null, ServiceKind.Sts)]
    [TestCase("POST", "sts.us-east-1.amazonaws.com", "/", null, null, null, ServiceKind.Sts)]
    [TestCase("POST", "localhost:9000", "/", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "olap-123456789012.localhost:9443", "/key", null, "s3-object-lambda", null, ServiceKind.ObjectLambda)]
    [TestCase("GET", "olap-123456789012.s3-object-lambda.us-east-1.amazonaws.com", "/key", null, null, null, ServiceKind.ObjectLambda)]
    [TestCase("GET", "123456789012.localhost:9000", "/v20180820/accesspoint?maxResults=5", null, "s3", null, ServiceKind.S3Control)]
    [TestCase("GET", "123456789012.s3-control.us-east-1.amazonaws.com", "/v20180820/accesspoint", null, "s3", null, ServiceKind.S3Control)]
    [TestCase("GET", "localhost:9000", "/v20180820/accesspoint/ap", null, "s3", "123456789012", ServiceKind.S3Control)]
    [TestCase("GET", "localhost:9000", "/v20180820/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "123456789012.localhost:9000", "/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "bucket.localhost:9000", "/v20180820/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("PUT", "localhost:9000", "/bkt/_s3emulator/health", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", OlapAlias + ".localhost:9000", "/key", null, "s3", null, ServiceKind.ObjectLambda)]
    [TestCase("GET", OlapAlias + ".localhost:9000", "/?list-type=2", null, "s3", null, ServiceKind.ObjectLambda)]
    [TestCase("GET", "localhost:9000", "/" + OlapAlias + "/key", null, "s3", null, ServiceKind.ObjectLambda)]
    [TestCase("GET", "localhost:9000", "/" + OlapAlias, null, "s3", null, ServiceKind.ObjectLambda)]
    [TestCase("GET", "localhost:9000", "/" + OlapAlias + "?list-type=2", null, "s3", null, ServiceKind.ObjectLambda)]
    [TestCase("HEAD", "127.0.0.1:9000", "/" + OlapAlias + "/a/b", null, "s3", null, ServiceKind.ObjectLambda)]
    [TestCase("POST", "io-emu-abc.localhost:9443", "/WriteGetObjectResponse", null, "s3-object-lambda", null, ServiceKind.ObjectLambda)]
    [TestCase("POST", "localhost:9443", "/WriteGetObjectResponse", null, "s3-object-lambda", null, ServiceKind.ObjectLambda)]
    [TestCase("GET", "localhost:9000", "/bucket/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "bucket.localhost:9000", "/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "localhost:9000", "/bucket--ol-s3/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "localhost:9000", "/bucket/" + OlapAlias, null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "localhost:9000", "/my-ap-abcdefghijklmnopqrstuvwxyz012345678-s3alias/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("POST", "localhost:9000", "/bucket/WriteGetObjectResponse", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "bucket.localhost:9000", "/" + OlapAlias, null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "bucket.localhost:9000", "/" + OlapAlias + "/key", null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "bucket.s3.us-east-1.amazonaws.com", "/" + OlapAlias, null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com", "/" + OlapAlias, null, "s3", null, ServiceKind.S3)]
    [TestCase("GET", "s3.us-east-1.amazonaws.com", "/" + OlapAlias + "/key", null, "s3", null, ServiceKind.ObjectLambda)]
    public void Route_PicksTheServiceTheRequestIsFor(
        string method, string host, string target, string? amzTarget, string? signingService, string? accountHeader, ServiceKind expected)
    {
        var kind = _router.Route(new RoutingFacts(method, host, target, amzTarget, signingService, accountHeader));

        Assert.That(kind, Is.EqualTo(expected));
    }
}
