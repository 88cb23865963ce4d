using System.Text;
using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.Control;
using S3Emulator.Server.Tests.Protocol;

namespace S3Emulator.Server.Tests.Services.Control;

/// <summary>S3 Control's access point bodies and error shape, against golden files and with the errors S3 Control gives.</summary>
public sealed class ControlXmlTests
{
    private const string Ns = "http://awss3control.amazonaws.com/doc/2018-08-20/";
    private static readonly DateTimeOffset Created = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Test]
    public void GetAccessPointResult_MatchesGoldenXml()
    {
        var accessPoint = AccessPoint("my-ap") with { PublicAccessBlock = new PublicAccessBlock(true, true, false, true) };

        GoldenXml.AssertMatches(S3Xml.ToText(ControlXml.GetAccessPointResult(accessPoint, "us-east-1")), "Control.GetAccessPoint.Internet");
    }

    [Test]
    public void ListAccessPointsResult_MatchesGoldenXml()
    {
        var vpc = AccessPoint("ap-two") with { NetworkOrigin = AccessPointNetworkOrigin.Vpc, VpcId = "vpc-1a2b3c4d" };

        var xml = S3Xml.ToText(ControlXml.ListAccessPointsResult([AccessPoint("ap-one"), vpc], "us-east-1", "YXAtdHdv"));

        GoldenXml.AssertMatches(xml, "Control.ListAccessPoints.Truncated");
    }

    [Test]
    public void ErrorResponse_MatchesGoldenXml()
    {
        var failure = new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", "my-ap"));

        var result = ControlErrorResult.From(failure, "0123456789ABCDEF", "host-id");

        Assert.That(result.StatusCode, Is.EqualTo(404));
        GoldenXml.AssertMatches(BodyOf(result), "Control.Error.NoSuchAccessPoint");
    }

    [Test]
    public void CreateAccessPointResult_NamesArnAndAlias()
    {
        var root = ControlXml.CreateAccessPointResult("arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap", "my-ap-x-s3alias");

        Assert.That(root.ToString(SaveOptions.DisableFormatting), Is.EqualTo(
            $"<CreateAccessPointResult xmlns=\"{Ns}\"><AccessPointArn>arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap</AccessPointArn><Alias>my-ap-x-s3alias</Alias></CreateAccessPointResult>"));
    }

    [Test]
    public void ReadCreateAccessPoint_AsTheJsSdkSendsIt_TakesTheBucketAndBlocksEverything()
    {
        var body = ControlXml.ReadCreateAccessPoint(XElement.Parse($"<CreateAccessPointRequest xmlns=\"{Ns}\"><Bucket>bkt</Bucket></CreateAccessPointRequest>"));

        Assert.That(body, Is.EqualTo(new CreateAccessPointBody("bkt", null, PublicAccessBlock.AllBlocked, null)));
    }

    [Test]
    public void ReadCreateAccessPoint_WithEveryMember_ReadsThemAndStoresOmittedFlagsAsFalse()
    {
        var body = ControlXml.ReadCreateAccessPoint(XElement.Parse(
            $"<CreateAccessPointRequest xmlns=\"{Ns}\"><Bucket>bkt</Bucket><VpcConfiguration><VpcId>vpc-1</VpcId></VpcConfiguration>" +
            "<PublicAccessBlockConfiguration><BlockPublicPolicy>true</BlockPublicPolicy></PublicAccessBlockConfiguration>" +
            "<BucketAccountId>111122223333</BucketAccountId></CreateAccessPointRequest>"));

        Assert.That(body, Is.EqualTo(new CreateAccessPointBody("bkt", "vpc-1", new PublicAccessBlock(false, false, true, false), "111122223333")));
    }

    [TestCase("<CreateAccessPointRequest/>", "MalformedXML")]
    [TestCase("<CreateBucketConfiguration><Bucket>b</Bucket></CreateBucketConfiguration>", "MalformedXML")]
    [TestCase("<CreateAccessPointRequest><Bucket>b</Bucket><VpcConfiguration/></CreateAccessPointRequest>", "InvalidRequest")]
    public void ReadCreateAccessPoint_RefusesIncompleteBodies(string xml, string code)
    {
        var error = Assert.Throws<S3Exception>(() => ControlXml.ReadCreateAccessPoint(XElement.Parse(xml)))!;

        Assert.That(error.Error.Code, Is.EqualTo(code));
    }

    [Test]
    public void ReadPolicy_ReturnsTheXmlEscapedJsonAsText()
    {
        var policy = ControlXml.ReadPolicy(XElement.Parse($"<PutAccessPointPolicyRequest xmlns=\"{Ns}\"><Policy>{{&quot;Version&quot;:&quot;2012-10-17&quot;}}</Policy></PutAccessPointPolicyRequest>"));

        Assert.That(policy, Is.EqualTo("{\"Version\":\"2012-10-17\"}"));
    }

    private static AccessPoint AccessPoint(string name) => new(
        name, "123456789012", "bkt", "123456789012", AccessPointNetworkOrigin.Internet, null, PublicAccessBlock.AllBlocked, null,
        $"{name}-abcdefghijklmnopqrstuvwxyz01234567-s3alias", Created);

    private static string BodyOf(S3Emulator.Server.Services.S3.S3Result result)
    {
        using var stream = new MemoryStream();
        result.Body!(stream, CancellationToken.None).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
