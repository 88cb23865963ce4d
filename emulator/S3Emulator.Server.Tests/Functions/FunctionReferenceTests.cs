using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Tests.Functions;

public sealed class FunctionReferenceTests
{
    [TestCase("arn:aws:lambda:eu-west-1:210987654321:function:fn", "aws", "eu-west-1", "210987654321", "fn", null)]
    [TestCase("arn:aws-cn:lambda:cn-north-1:210987654321:function:fn:live", "aws-cn", "cn-north-1", "210987654321", "fn", "live")]
    [TestCase("210987654321:function:fn:3", "aws", "us-east-1", "210987654321", "fn", "3")]
    [TestCase("function:my_fn-2", "aws", "us-east-1", "123456789012", "my_fn-2", null)]
    [TestCase("fn:$LATEST", "aws", "us-east-1", "123456789012", "fn", "$LATEST")]
    public void TryParse_ReadsEveryPart_FillingInWhatAPartialFormLacks(
        string text, string partition, string region, string account, string name, string? qualifier)
    {
        Assert.That(FunctionReference.TryParse(text, "us-east-1", "123456789012", out var reference), Is.True);
        Assert.That((reference!.Partition, reference.Region, reference.AccountId, reference.Name, reference.Qualifier),
            Is.EqualTo((partition, region, account, name, qualifier)));
    }

    [TestCase("fn:$LATEST", "arn:aws:lambda:us-east-1:123456789012:function:fn")]
    [TestCase("fn", "arn:aws:lambda:us-east-1:123456789012:function:fn")]
    [TestCase("fn:live", "arn:aws:lambda:us-east-1:123456789012:function:fn:live")]
    public void CanonicalArn_TakesLatestForTheUnqualifiedFunction(string text, string canonical)
    {
        Assert.That(FunctionReference.TryParse(text, "us-east-1", "123456789012", out var reference), Is.True);
        Assert.That(reference!.CanonicalArn, Is.EqualTo(canonical));
    }

    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn", true)]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn:live", true)]
    [TestCase("123456789012:function:fn", false)]
    [TestCase("function:fn", false)]
    [TestCase("fn", false)]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:layer:fn", false)]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:", false)]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn.js", false)]
    public void TryParseFullArn_AcceptsOnlyAFullFunctionArn(string text, bool accepted) =>
        Assert.That(FunctionReference.TryParseFullArn(text, out _), Is.EqualTo(accepted));
}
