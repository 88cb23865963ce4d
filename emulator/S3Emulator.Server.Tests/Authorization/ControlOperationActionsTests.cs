using S3Emulator.Server.Authorization;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Tests.Authorization;

public sealed class ControlOperationActionsTests
{
    [Test]
    public void EveryServedControlOperation_HasAnActionRow()
    {
        var missing = ControlRequestClassifier.Served.Where(o => !ControlOperationActions.Table.ContainsKey(o)).ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryControlOperationButUnknown_IsServed()
    {
        var notServed = Enum.GetValues<ControlOperation>().Except(ControlRequestClassifier.Served).ToList();

        Assert.That(notServed, Is.EqualTo(new[] { ControlOperation.Unknown }));
    }

    [TestCase("CreateAccessPoint", "s3:CreateAccessPoint", "arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("GetAccessPointPolicyStatus", "s3:GetAccessPointPolicyStatus", "arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("GetAccessPoint", "s3:GetAccessPoint", "*")]
    [TestCase("ListAccessPoints", "s3:ListAccessPoints", "*")]
    [TestCase("DeletePublicAccessBlock", "s3:PutAccountPublicAccessBlock", "*")]
    [TestCase("GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock", "*")]
    [TestCase("CreateAccessPointForObjectLambda", "s3:CreateAccessPointForObjectLambda", "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("GetAccessPointForObjectLambda", "s3:GetAccessPointForObjectLambda", "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("DeleteAccessPointForObjectLambda", "s3:DeleteAccessPointForObjectLambda", "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("ListAccessPointsForObjectLambda", "s3:ListAccessPointsForObjectLambda", "*")]
    [TestCase("GetAccessPointConfigurationForObjectLambda", "s3:GetAccessPointConfigurationForObjectLambda",
        "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("PutAccessPointConfigurationForObjectLambda", "s3:PutAccessPointConfigurationForObjectLambda",
        "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("PutAccessPointPolicyForObjectLambda", "s3:PutAccessPointPolicyForObjectLambda", "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("GetAccessPointPolicyForObjectLambda", "s3:GetAccessPointPolicyForObjectLambda", "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("DeleteAccessPointPolicyForObjectLambda", "s3:DeleteAccessPointPolicyForObjectLambda",
        "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    [TestCase("GetAccessPointPolicyStatusForObjectLambda", "s3:GetAccessPointPolicyStatusForObjectLambda",
        "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/my-ap")]
    public void Actions_AreEvaluatedOnTheirResource(string operation, string action, string resource)
    {
        var row = ControlOperationActions.Table[Enum.Parse<ControlOperation>(operation)];

        Assert.That((row.Action, ControlOperationActions.ResourceArn(row, "us-east-1", "123456789012", "my-ap")), Is.EqualTo((action, resource)));
    }
}
