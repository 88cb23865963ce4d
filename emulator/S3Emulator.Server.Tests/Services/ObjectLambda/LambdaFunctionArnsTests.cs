using S3Emulator.Server.Services.ObjectLambda;

namespace S3Emulator.Server.Tests.Services.ObjectLambda;

/// <summary>Every form a FunctionArn may take in an Object Lambda configuration, completed to the ARN IAM authorizes.</summary>
public sealed class LambdaFunctionArnsTests
{
    [TestCase("arn:aws:lambda:eu-west-1:210987654321:function:Fn", "arn:aws:lambda:eu-west-1:210987654321:function:Fn")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:Fn:$LATEST", "arn:aws:lambda:us-east-1:123456789012:function:Fn:$LATEST")]
    [TestCase("Fn", "arn:aws:lambda:us-east-1:123456789012:function:Fn")]
    [TestCase("Fn:$LATEST", "arn:aws:lambda:us-east-1:123456789012:function:Fn:$LATEST")]
    [TestCase("Fn:7", "arn:aws:lambda:us-east-1:123456789012:function:Fn:7")]
    [TestCase("Fn:live", "arn:aws:lambda:us-east-1:123456789012:function:Fn:live")]
    [TestCase("function:Fn", "arn:aws:lambda:us-east-1:123456789012:function:Fn")]
    [TestCase("function:Fn:live", "arn:aws:lambda:us-east-1:123456789012:function:Fn:live")]
    [TestCase("210987654321:function:Fn", "arn:aws:lambda:us-east-1:210987654321:function:Fn")]
    [TestCase("210987654321:function:Fn:$LATEST", "arn:aws:lambda:us-east-1:210987654321:function:Fn:$LATEST")]
    public void Qualify_CompletesTheConfiguredFunction(string configured, string expected) =>
        Assert.That(LambdaFunctionArns.Qualify(configured, "us-east-1", "123456789012"), Is.EqualTo(expected));
}
