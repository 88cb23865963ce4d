using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.Control;
using S3Emulator.Server.Tests.Protocol;

namespace S3Emulator.Server.Tests.Services.Control;

/// <summary>S3 Control's Object Lambda access point bodies, against golden files and as the SDKs send them.</summary>
public sealed class ObjectLambdaControlXmlTests
{
    private const string Ns = "http://awss3control.amazonaws.com/doc/2018-08-20/";
    private const string Alias = "redacted-abcdefghijklmnopqrstuvwxyz01234567--ol-s3";
    private static readonly DateTimeOffset Created = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static readonly ObjectLambdaConfiguration Full = new(
        "arn:aws:s3:us-east-1:123456789012:accesspoint/reports",
        CloudWatchMetricsEnabled: true,
        [ObjectLambdaAllowedFeature.GetObjectRange, ObjectLambdaAllowedFeature.HeadObjectPartNumber],
        [
            new ObjectLambdaTransformation(
                [ObjectLambdaAction.GetObject, ObjectLambdaAction.HeadObject], "arn:aws:lambda:us-east-1:123456789012:function:redact", """{"field":"ssn"}"""),
            new ObjectLambdaTransformation([ObjectLambdaAction.ListObjectsV2], "hide:$LATEST", null),
        ]);

    private static readonly ObjectLambdaAccessPoint Olap = new("redacted", "123456789012", Full, null, Alias, Created);

    [Test]
    public void GetConfigurationResult_MatchesGoldenXml() =>
        GoldenXml.AssertMatches(S3Xml.ToText(ObjectLambdaControlXml.GetConfigurationResult(Full)), "Control.GetAccessPointConfigurationForObjectLambda.Full");

    [Test]
    public void GetResult_MatchesGoldenXml() =>
        GoldenXml.AssertMatches(S3Xml.ToText(ObjectLambdaControlXml.GetResult(Olap)), "Control.GetAccessPointForObjectLambda");

    [Test]
    public void ListResult_MatchesGoldenXml() =>
        GoldenXml.AssertMatches(S3Xml.ToText(ObjectLambdaControlXml.ListResult([Olap], "us-east-1", "cmVkYWN0ZWQ")), "Control.ListAccessPointsForObjectLambda.Truncated");

    [Test]
    public void CreateResult_MatchesGoldenXml() =>
        GoldenXml.AssertMatches(
            S3Xml.ToText(ObjectLambdaControlXml.CreateResult("arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/redacted", Alias)),
            "Control.CreateAccessPointForObjectLambda");

    [Test]
    public void ReadConfiguration_OfWhatGetConfigurationWrites_GivesTheSameConfigurationBack()
    {
        var request = new XElement(XName.Get("PutAccessPointConfigurationForObjectLambdaRequest", Ns), ObjectLambdaControlXml.Configuration(Full));

        var input = ObjectLambdaControlXml.ReadConfiguration(request, "PutAccessPointConfigurationForObjectLambdaRequest");

        Assert.That(ObjectLambdaConfigurationRules.Parse(input), Is.EqualTo(Full));
    }

    [Test]
    public void ReadConfiguration_OfTheSpecsExample_ReadsEveryMember()
    {
        var input = ObjectLambdaControlXml.ReadConfiguration(XElement.Parse(
            $"""
            <CreateAccessPointForObjectLambdaRequest xmlns="{Ns}"><Configuration>
              <SupportingAccessPoint>arn:aws:s3:us-east-1:111122223333:accesspoint/example-ap</SupportingAccessPoint>
              <CloudWatchMetricsEnabled>false</CloudWatchMetricsEnabled>
              <AllowedFeatures><AllowedFeature>GetObject-Range</AllowedFeature></AllowedFeatures>
              <TransformationConfigurations><TransformationConfiguration>
                <Actions><Action>GetObject</Action><Action>ListObjects</Action></Actions>
                <ContentTransformation><AwsLambda><FunctionArn>arn:aws:lambda:us-east-1:111122223333:function:MyFn</FunctionArn>
                <FunctionPayload>{"{"}"compressionType":"gzip"{"}"}</FunctionPayload></AwsLambda></ContentTransformation>
              </TransformationConfiguration></TransformationConfigurations>
            </Configuration></CreateAccessPointForObjectLambdaRequest>
            """), "CreateAccessPointForObjectLambdaRequest");

        Assert.That(input.SupportingAccessPoint, Is.EqualTo("arn:aws:s3:us-east-1:111122223333:accesspoint/example-ap"));
        Assert.That((input.CloudWatchMetricsEnabled, input.AllowedFeatures.Single()), Is.EqualTo((false, "GetObject-Range")));
        var transformation = input.Transformations.Single();
        Assert.That(transformation.Actions, Is.EqualTo(new[] { "GetObject", "ListObjects" }));
        Assert.That((transformation.FunctionArn, transformation.FunctionPayload),
            Is.EqualTo(("arn:aws:lambda:us-east-1:111122223333:function:MyFn", """{"compressionType":"gzip"}""")));
    }

    [TestCase("<CreateAccessPointRequest><Configuration/></CreateAccessPointRequest>")]
    [TestCase("<CreateAccessPointForObjectLambdaRequest/>")]
    [TestCase("<CreateAccessPointForObjectLambdaRequest><Configuration><CloudWatchMetricsEnabled>yes</CloudWatchMetricsEnabled></Configuration></CreateAccessPointForObjectLambdaRequest>")]
    public void ReadConfiguration_OfABodyOutsideTheSchema_IsMalformedXml(string xml)
    {
        var error = Assert.Throws<S3Exception>(() => ObjectLambdaControlXml.ReadConfiguration(XElement.Parse(xml), "CreateAccessPointForObjectLambdaRequest"))!;

        Assert.That(error.Error.Code, Is.EqualTo("MalformedXML"));
    }

    [Test]
    public void ReadPolicy_TakesOnlyItsOwnRoot()
    {
        var policy = ObjectLambdaControlXml.ReadPolicy(XElement.Parse(
            $"<PutAccessPointPolicyForObjectLambdaRequest xmlns=\"{Ns}\"><Policy>{{&quot;Version&quot;:&quot;2008-10-17&quot;}}</Policy></PutAccessPointPolicyForObjectLambdaRequest>"));

        Assert.That(policy, Is.EqualTo("{\"Version\":\"2008-10-17\"}"));
        Assert.That(
            Assert.Throws<S3Exception>(() => ObjectLambdaControlXml.ReadPolicy(XElement.Parse("<PutAccessPointPolicyRequest><Policy>{}</Policy></PutAccessPointPolicyRequest>")))!
                .Error.Code,
            Is.EqualTo("MalformedXML"));
    }
}
