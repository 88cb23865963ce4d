using System.Net;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.Core.Errors;
using static S3Emulator.ClientTests.ObjectLambda.Control.ObjectLambdaControlRequests;

namespace S3Emulator.ClientTests.ObjectLambda.Control;

/// <summary>
/// Every CreateAccessPointForObjectLambda a client can get wrong, with the error S3 Control gives and nothing created:
/// names outside the rule, supporting access points that are no access point ARN or name none of the account's,
/// actions, features and functions outside the model, and bodies missing what the schema requires.
/// </summary>
public sealed class ObjectLambdaControlValidationTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Account = "123456789012";
    private const string Supporting = $"arn:aws:s3:us-east-1:{Account}:accesspoint/valid-supporting";

    private S3ControlTestClient _control = null!;

    [OneTimeSetUp]
    public async Task CreateControlClientAndSupportingAccessPointAsync()
    {
        _control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        (await _control.CreateAccessPointAsync("valid-supporting", await CreateBucketAsync("olap"))).Succeeded();
    }

    [OneTimeTearDown]
    public void DisposeControlClient() => _control?.Dispose();

    public static IEnumerable<TestCaseData> InvalidNames()
    {
        yield return new TestCaseData("ab", "InvalidURI").SetName("Create_WithATwoCharacterName_IsInvalidURI");
        yield return new TestCaseData(new string('a', 46), "InvalidURI").SetName("Create_WithA46CharacterName_IsInvalidURI");
        yield return new TestCaseData("Upper-olap", "InvalidURI").SetName("Create_WithAnUppercaseName_IsInvalidURI");
        yield return new TestCaseData("my.olap", "InvalidRequest").SetName("Create_WithADotInTheName_IsInvalidRequest");
        yield return new TestCaseData("-olap", "InvalidRequest").SetName("Create_WithALeadingHyphen_IsInvalidRequest");
        yield return new TestCaseData("olap-", "InvalidRequest").SetName("Create_WithATrailingHyphen_IsInvalidRequest");
    }

    [TestCaseSource(nameof(InvalidNames))]
    public async Task Create_WithANameOutsideTheRule_IsRefused(string name, string code)
    {
        var response = await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(Supporting));

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, code)));
    }

    public static IEnumerable<TestCaseData> InvalidConfigurations()
    {
        TestCaseData Case(string configuration, string code, string? message, string name) =>
            new TestCaseData(configuration, code, message).SetName(name);

        yield return Case(Configuration("valid-supporting"), "InvalidRequest", S3Errors.InvalidSupportingAccessPoint.Message,
            "Create_WithASupportingAccessPointGivenByName_IsInvalidRequest");
        yield return Case(Configuration($"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/valid-supporting"), "InvalidRequest",
            S3Errors.InvalidSupportingAccessPoint.Message, "Create_WithAnObjectLambdaArnAsSupportingAccessPoint_IsInvalidRequest");
        yield return Case(Configuration($"arn:aws:s3:us-east-1:{Account}:accesspoint/no-such-ap"), "InvalidRequest",
            S3Errors.SupportingAccessPointMissing.Message, "Create_WithASupportingAccessPointThatDoesNotExist_IsInvalidRequest");
        yield return Case(Configuration("arn:aws:s3:us-east-1:210987654321:accesspoint/valid-supporting"), "InvalidRequest",
            S3Errors.SupportingAccessPointMissing.Message, "Create_WithAnotherAccountsSupportingAccessPoint_IsInvalidRequest");
        yield return Case(Configuration($"arn:aws:s3:eu-west-1:{Account}:accesspoint/valid-supporting"), "InvalidRequest",
            S3Errors.SupportingAccessPointMissing.Message, "Create_WithASupportingAccessPointInAnotherRegion_IsInvalidRequest");
        yield return Case(Configuration(Supporting, actions: ["PutObject"]), "MalformedXML", null, "Create_WithAnActionOutsideTheFour_IsMalformedXml");
        yield return Case(Configuration(Supporting, actions: []), "MalformedXML", null, "Create_WithATransformationWithoutActions_IsMalformedXml");
        yield return Case(Configuration(Supporting, features: ["GetObject-Ranges"]), "MalformedXML", null, "Create_WithAFeatureOutsideTheFour_IsMalformedXml");
        yield return Case(Configuration(Supporting, function: "not a function!"), "InvalidRequest", S3Errors.InvalidObjectLambdaFunctionArn.Message,
            "Create_WithAFunctionOutsideThePattern_IsInvalidRequest");
        yield return Case(Configuration(Supporting, function: "arn:aws:s3:us-east-1:123456789012:accesspoint/x"), "InvalidRequest",
            S3Errors.InvalidObjectLambdaFunctionArn.Message, "Create_WithAnArnThatIsNoLambdaFunction_IsInvalidRequest");
        yield return Case(Configuration(Supporting, function: ""), "MalformedXML", null, "Create_WithAnEmptyFunctionArn_IsMalformedXml");
        yield return Case(
            $"<Configuration><SupportingAccessPoint>{Supporting}</SupportingAccessPoint><TransformationConfigurations/></Configuration>",
            "MalformedXML", null, "Create_WithoutATransformation_IsMalformedXml");
        yield return Case(
            "<Configuration><TransformationConfigurations><TransformationConfiguration><Actions><Action>GetObject</Action></Actions>" +
            "<ContentTransformation><AwsLambda><FunctionArn>redact</FunctionArn></AwsLambda></ContentTransformation>" +
            "</TransformationConfiguration></TransformationConfigurations></Configuration>",
            "MalformedXML", null, "Create_WithoutASupportingAccessPoint_IsMalformedXml");
        yield return Case(
            $"<Configuration><SupportingAccessPoint>{Supporting}</SupportingAccessPoint><TransformationConfigurations><TransformationConfiguration>" +
            "<Actions><Action>GetObject</Action></Actions></TransformationConfiguration></TransformationConfigurations></Configuration>",
            "MalformedXML", null, "Create_WithATransformationWithoutContentTransformation_IsMalformedXml");
        yield return Case("", "MalformedXML", null, "Create_WithoutAConfiguration_IsMalformedXml");
        yield return Case(Configuration(Supporting).Replace("<CloudWatchMetricsEnabled>false", "<CloudWatchMetricsEnabled>maybe", StringComparison.Ordinal),
            "MalformedXML", null, "Create_WithACloudWatchFlagThatIsNoBoolean_IsMalformedXml");
    }

    [TestCaseSource(nameof(InvalidConfigurations))]
    public async Task Create_WithAnInvalidConfiguration_IsRefused_AndCreatesNothing(string configuration, string code, string? message)
    {
        var name = "olap-" + Guid.NewGuid().ToString("N")[..12];

        var response = await _control.CreateAccessPointForObjectLambdaAsync(name, configuration);
        var got = await _control.GetAccessPointForObjectLambdaAsync(name);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, code)), response.Body?.ToString());
        if (message is not null) Assert.That(response.ErrorMessage, Is.EqualTo(message));
        Assert.That(got.ErrorCode, Is.EqualTo("NoSuchAccessPoint"));
    }

    [Test]
    public async Task Create_WithABodyThatIsNotXml_IsMalformedXml()
    {
        var response = await _control.SendAsync("PUT", "accesspointforobjectlambda/olap-not-xml", "<CreateAccessPointForObjectLambdaRequest");

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "MalformedXML")));
    }

    [Test]
    public async Task Create_WithTheWrongRootElement_IsMalformedXml()
    {
        var response = await _control.SendAsync("PUT", "accesspointforobjectlambda/olap-wrong-root",
            $"<CreateAccessPointRequest xmlns=\"{S3ControlTestClient.Ns}\">{Configuration(Supporting)}</CreateAccessPointRequest>");

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "MalformedXML")));
    }
}
