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
    public void Actions_AreEvaluatedOnTheirResource(string operation, string action, string resource)
    {
        var row = ControlOperationActions.Table[Enum.Parse<ControlOperation>(operation)];

        Assert.That((row.Action, ControlOperationActions.ResourceArn(row, "us-east-1", "123456789012", "my-ap")), Is.EqualTo((action, resource)));
    }
}
