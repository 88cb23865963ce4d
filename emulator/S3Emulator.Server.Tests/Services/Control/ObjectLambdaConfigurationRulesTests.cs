using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Tests.Services.Control;

public sealed class ObjectLambdaConfigurationRulesTests
{
    private const string Account = "123456789012";
    private const string Supporting = "arn:aws:s3:us-east-1:123456789012:accesspoint/reports";

    private static ObjectLambdaConfigurationInput Input(
        string? supporting = Supporting, string[]? features = null, string[]? actions = null, string? function = "redact") =>
        new(supporting, false, features ?? [], [new ObjectLambdaTransformationInput(actions ?? ["GetObject"], function, null)]);

    [TestCase("redact")]
    [TestCase("redact:$LATEST")]
    [TestCase("redact:prod")]
    [TestCase("redact:7")]
    [TestCase("123456789012:function:redact")]
    [TestCase("us-east-1:123456789012:function:redact")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:redact")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:redact:$LATEST")]
    [TestCase("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:redact")]
    public void Parse_AcceptsEveryFunctionFormTheModelAllows(string function)
    {
        Assert.That(ObjectLambdaConfigurationRules.Parse(Input(function: function)).Transformations.Single().FunctionArn, Is.EqualTo(function));
    }

    [TestCase("arn:aws:s3:us-east-1:123456789012:accesspoint/redact")]
    [TestCase("redact fn")]
    [TestCase("redact:")]
    [TestCase("arn:aws:lambda:us-east-1:12345:function:redact")]
    public void Parse_RefusesAFunctionOutsideThePattern_AsInvalidRequest(string function)
    {
        var error = Assert.Throws<S3Exception>(() => ObjectLambdaConfigurationRules.Parse(Input(function: function)))!;

        Assert.That((error.Error.Code, error.Error.Message), Is.EqualTo(("InvalidRequest", S3Errors.InvalidObjectLambdaFunctionArn.Message)));
    }

    [TestCase("reports")]
    [TestCase("arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/reports")]
    [TestCase("arn:aws:s3:us-east-1:1234:accesspoint/reports")]
    [TestCase("arn:aws:s3:::bucket")]
    [TestCase("arn:aws:s3:us-east-1:123456789012:accesspoint/")]
    public void Parse_RefusesASupportingAccessPointThatIsNoAccessPointArn(string supporting)
    {
        var error = Assert.Throws<S3Exception>(() => ObjectLambdaConfigurationRules.Parse(Input(supporting)))!;

        Assert.That(error.Error.Message, Is.EqualTo(S3Errors.InvalidSupportingAccessPoint.Message));
    }

    [Test]
    public void Parse_MissingSupportingAccessPoint_IsMalformedXml() => AssertMalformed(Input(supporting: null), "SupportingAccessPoint");

    [Test]
    public void Parse_NoTransformation_IsMalformedXml() =>
        AssertMalformed(new ObjectLambdaConfigurationInput(Supporting, false, [], []), "TransformationConfiguration");

    [Test]
    public void Parse_ATransformationWithoutActions_IsMalformedXml() => AssertMalformed(Input(actions: []), "Action");

    [Test]
    public void Parse_ATransformationWithoutFunction_IsMalformedXml() => AssertMalformed(Input(function: null), "FunctionArn");

    [TestCase("PutObject")]
    [TestCase("getobject")]
    [TestCase("0")]
    [TestCase("GetObject, HeadObject")]
    public void Parse_AnActionOutsideTheFour_IsMalformedXml(string action) => AssertMalformed(Input(actions: [action]), "Action");

    [TestCase("GetObject-Ranges")]
    [TestCase("GetObjectRange")]
    public void Parse_AFeatureOutsideTheFour_IsMalformedXml(string feature) => AssertMalformed(Input(features: [feature]), "AllowedFeature");

    [Test]
    public void Parse_ReadsEveryActionAndFeature_AndDropsRepeats()
    {
        var configuration = ObjectLambdaConfigurationRules.Parse(Input(
            features: ["GetObject-Range", "GetObject-PartNumber", "HeadObject-Range", "HeadObject-PartNumber", "GetObject-Range"],
            actions: ["GetObject", "HeadObject", "ListObjects", "ListObjectsV2", "GetObject"]));

        Assert.That(configuration.AllowedFeatures, Is.EqualTo(Enum.GetValues<ObjectLambdaAllowedFeature>()));
        Assert.That(configuration.Transformations.Single().Actions, Is.EqualTo(Enum.GetValues<ObjectLambdaAction>()));
    }

    [Test]
    public async Task Validate_WithAnExistingAccessPointOfTheAccount_ReturnsTheConfiguration()
    {
        var accounts = await AccountsWithAccessPointAsync("reports");

        var configuration = await ObjectLambdaConfigurationRules.ValidateAsync(Input(), Account, "us-east-1", accounts, CancellationToken.None);

        Assert.That(configuration.SupportingAccessPoint, Is.EqualTo(Supporting));
    }

    [TestCase("arn:aws:s3:us-east-1:123456789012:accesspoint/missing")]
    [TestCase("arn:aws:s3:us-east-1:210987654321:accesspoint/reports")]
    [TestCase("arn:aws:s3:eu-west-1:123456789012:accesspoint/reports")]
    [TestCase("arn:aws:s3::123456789012:accesspoint/reports")]
    public async Task Validate_WithNoSuchAccessPointInTheAccountAndRegion_IsInvalidRequest(string supporting)
    {
        var accounts = await AccountsWithAccessPointAsync("reports");

        var error = (await Assert.ThrowsAsync<S3Exception>(async () =>
            await ObjectLambdaConfigurationRules.ValidateAsync(Input(supporting), Account, "us-east-1", accounts, CancellationToken.None)))!;

        Assert.That((error.Error.Code, error.Error.StatusCode, error.Error.Message),
            Is.EqualTo(("InvalidRequest", 400, S3Errors.SupportingAccessPointMissing.Message)));
    }

    private static void AssertMalformed(ObjectLambdaConfigurationInput input, string element)
    {
        var error = Assert.Throws<S3Exception>(() => ObjectLambdaConfigurationRules.Parse(input))!;

        Assert.That((error.Error.Code, error.Details.First(d => d.Key == "ArgumentName").Value), Is.EqualTo(("MalformedXML", element)));
    }

    private static async Task<IAccountStore> AccountsWithAccessPointAsync(string name)
    {
        var accounts = new InMemoryAccountStore();
        await accounts.TryCreateAccessPointAsync(
            new AccessPoint(name, Account, "bkt", Account, AccessPointNetworkOrigin.Internet, null, PublicAccessBlock.AllBlocked, null,
                AccessPointAlias.Create(name), DateTimeOffset.UnixEpoch),
            CancellationToken.None);
        return accounts;
    }
}
