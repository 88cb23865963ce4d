using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Tests.Services.Control;

public sealed class ControlRequestClassifierTests
{
    private const string Account = "123456789012";

    [TestCase("PUT", "/v20180820/accesspoint/my-ap", "CreateAccessPoint", "my-ap")]
    [TestCase("GET", "/v20180820/accesspoint/my-ap", "GetAccessPoint", "my-ap")]
    [TestCase("DELETE", "/v20180820/accesspoint/my-ap", "DeleteAccessPoint", "my-ap")]
    [TestCase("GET", "/v20180820/accesspoint", "ListAccessPoints", null)]
    [TestCase("GET", "/v20180820/accesspoint?bucket=b&maxResults=2&nextToken=x", "ListAccessPoints", null)]
    [TestCase("PUT", "/v20180820/accesspoint/my-ap/policy", "PutAccessPointPolicy", "my-ap")]
    [TestCase("GET", "/v20180820/accesspoint/my-ap/policy", "GetAccessPointPolicy", "my-ap")]
    [TestCase("DELETE", "/v20180820/accesspoint/my-ap/policy", "DeleteAccessPointPolicy", "my-ap")]
    [TestCase("GET", "/v20180820/accesspoint/my-ap/policyStatus", "GetAccessPointPolicyStatus", "my-ap")]
    [TestCase("PUT", "/v20180820/configuration/publicAccessBlock", "PutPublicAccessBlock", null)]
    [TestCase("GET", "/v20180820/configuration/publicAccessBlock", "GetPublicAccessBlock", null)]
    [TestCase("DELETE", "/v20180820/configuration/publicAccessBlock", "DeletePublicAccessBlock", null)]
    [TestCase("get", "/v20180820/accesspoint/my-ap", "GetAccessPoint", "my-ap")]
    [TestCase("GET", "/v20180820/accesspoint/arn%3Aaws%3As3%3Aus-east-1%3A123456789012%3Aaccesspoint%2Fmy-ap", "GetAccessPoint", "my-ap")]
    [TestCase("GET", "/v20180820/accesspoint/arn:aws:s3:us-east-1:123456789012:accesspoint:my-ap/policy", "GetAccessPointPolicy", "my-ap")]
    [TestCase("PUT", "/v20180820/accesspointforobjectlambda/my-olap", "CreateAccessPointForObjectLambda", "my-olap")]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/my-olap", "GetAccessPointForObjectLambda", "my-olap")]
    [TestCase("DELETE", "/v20180820/accesspointforobjectlambda/my-olap", "DeleteAccessPointForObjectLambda", "my-olap")]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda", "ListAccessPointsForObjectLambda", null)]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda?maxResults=2&nextToken=x", "ListAccessPointsForObjectLambda", null)]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/my-olap/configuration", "GetAccessPointConfigurationForObjectLambda", "my-olap")]
    [TestCase("PUT", "/v20180820/accesspointforobjectlambda/my-olap/configuration", "PutAccessPointConfigurationForObjectLambda", "my-olap")]
    [TestCase("PUT", "/v20180820/accesspointforobjectlambda/my-olap/policy", "PutAccessPointPolicyForObjectLambda", "my-olap")]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/my-olap/policy", "GetAccessPointPolicyForObjectLambda", "my-olap")]
    [TestCase("DELETE", "/v20180820/accesspointforobjectlambda/my-olap/policy", "DeleteAccessPointPolicyForObjectLambda", "my-olap")]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/my-olap/policyStatus", "GetAccessPointPolicyStatusForObjectLambda", "my-olap")]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/arn%3Aaws%3As3-object-lambda%3Aus-east-1%3A123456789012%3Aaccesspoint%2Fmy-olap",
        "GetAccessPointForObjectLambda", "my-olap")]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint%2Fmy-olap/configuration",
        "GetAccessPointConfigurationForObjectLambda", "my-olap")]
    // An access point ARN on an Object Lambda path (and the reverse) is not read as a name: it names nothing there.
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/arn%3Aaws%3As3%3Aus-east-1%3A123456789012%3Aaccesspoint%2Fmy-ap",
        "GetAccessPointForObjectLambda", "arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap")]
    public void Classify_ReadsTheOperationAndName(string method, string target, string operation, string? name)
    {
        var request = ControlRequestClassifier.Classify(method, target, Account);

        Assert.That((request.Operation.ToString(), request.Name, request.AccountId), Is.EqualTo((operation, name, Account)));
    }

    [TestCase("POST", "/v20180820/accesspointforobjectlambda/my-olap")]
    [TestCase("PUT", "/v20180820/accesspointforobjectlambda")]
    [TestCase("GET", "/v20180820/accesspointforobjectlambda/my-olap/policyStatus/extra")]
    [TestCase("DELETE", "/v20180820/accesspointforobjectlambda/my-olap/configuration")]
    [TestCase("GET", "/v20180820/jobs")]
    [TestCase("POST", "/v20180820/accesspoint/my-ap")]
    [TestCase("GET", "/v20180820/accesspoint/my-ap/policyStatus/extra")]
    [TestCase("PUT", "/v20180820/accesspoint")]
    [TestCase("GET", "/v20180820/")]
    public void Classify_PathsItDoesNotServe_AreUnknown(string method, string target)
    {
        Assert.That(ControlRequestClassifier.Classify(method, target, Account).Operation, Is.EqualTo(ControlOperation.Unknown));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Classify_WithoutTheAccountHeader_LeavesTheAccountUnknown(string? header)
    {
        Assert.That(ControlRequestClassifier.Classify("GET", "/v20180820/accesspoint", header).AccountId, Is.Null);
    }

    [Test]
    public void Classify_ReadsListParameters()
    {
        var request = ControlRequestClassifier.Classify("GET", "/v20180820/accesspoint?bucket=my%2Dbkt&maxResults=5", Account);

        Assert.That((request.Query.Get("bucket"), request.Query.Get("maxResults")), Is.EqualTo(("my-bkt", "5")));
    }

    [Test]
    public void Classify_ANameThatIsNotUtf8_IsInvalidUri()
    {
        var error = Assert.Throws<S3Exception>(() => ControlRequestClassifier.Classify("GET", "/v20180820/accesspoint/%FF", Account))!;

        Assert.That(error.Error.Code, Is.EqualTo("InvalidURI"));
    }
}
