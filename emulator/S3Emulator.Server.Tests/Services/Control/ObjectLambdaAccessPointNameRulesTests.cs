using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Tests.Services.Control;

public sealed class ObjectLambdaAccessPointNameRulesTests
{
    [TestCase("abc")]
    [TestCase("my-olap-1")]
    [TestCase("012345678901234567890123456789012345678901234")]
    public void Validate_AcceptsNamesWithinTheRules(string name)
    {
        Assert.DoesNotThrow(() => ObjectLambdaAccessPointNameRules.Validate(name));
    }

    [TestCase("ab", "InvalidURI")]
    [TestCase("0123456789012345678901234567890123456789012345", "InvalidURI")]
    [TestCase("My-olap", "InvalidURI")]
    [TestCase("my_olap", "InvalidURI")]
    [TestCase("my.olap", "InvalidRequest")]
    [TestCase("-myolap", "InvalidRequest")]
    [TestCase("myolap-", "InvalidRequest")]
    public void Validate_RefusesNamesOutsideTheRules(string name, string code)
    {
        var error = Assert.Throws<S3Exception>(() => ObjectLambdaAccessPointNameRules.Validate(name))!;

        Assert.That(error.Error.Code, Is.EqualTo(code));
    }
}
