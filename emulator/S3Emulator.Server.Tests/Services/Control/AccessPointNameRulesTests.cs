using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Tests.Services.Control;

public sealed class AccessPointNameRulesTests
{
    [TestCase("abc")]
    [TestCase("my-access-point-1")]
    [TestCase("01234567890123456789012345678901234567890123456789")]
    public void Validate_AcceptsNamesWithinTheRules(string name)
    {
        Assert.DoesNotThrow(() => AccessPointNameRules.Validate(name));
    }

    [TestCase("ab", "InvalidURI")]
    [TestCase("012345678901234567890123456789012345678901234567890", "InvalidURI")]
    [TestCase("My-ap", "InvalidURI")]
    [TestCase("my_ap", "InvalidURI")]
    [TestCase("my.ap", "InvalidRequest")]
    [TestCase("-myap", "InvalidRequest")]
    [TestCase("myap-", "InvalidRequest")]
    [TestCase("xn--myap", "InvalidRequest")]
    [TestCase("my-ap-s3alias", "InvalidRequest")]
    public void Validate_RefusesNamesOutsideTheRules(string name, string code)
    {
        var error = Assert.Throws<S3Exception>(() => AccessPointNameRules.Validate(name))!;

        Assert.That(error.Error.Code, Is.EqualTo(code));
    }
}
