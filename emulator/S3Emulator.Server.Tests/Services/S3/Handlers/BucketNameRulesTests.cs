using S3Emulator.Server.Services.S3.Handlers;

namespace S3Emulator.Server.Tests.Services.S3.Handlers;

/// <summary>
/// Every general-purpose bucket naming rule
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), one row each, with a
/// neighbour that only just passes.
/// </summary>
public sealed class BucketNameRulesTests
{
    [TestCase("ab", TestName = "Shorter than 3")]
    [TestCase("sixty-four-characters-long-is-one-too-many-for-s3-bucket-names-x", TestName = "Longer than 63")]
    [TestCase("Upper", TestName = "Upper case")]
    [TestCase("under_score", TestName = "Underscore")]
    [TestCase("-dash-first", TestName = "Starts with a dash")]
    [TestCase(".dot-first", TestName = "Starts with a dot")]
    [TestCase("dash-last-", TestName = "Ends with a dash")]
    [TestCase("dot-last.", TestName = "Ends with a dot")]
    [TestCase("double..dot", TestName = "Two adjacent dots")]
    [TestCase("a.-b", TestName = "Dot then dash")]
    [TestCase("a-.b", TestName = "Dash then dot")]
    [TestCase("foo-.bar", TestName = "Dash then dot inside")]
    [TestCase("192.168.5.4", TestName = "IP address")]
    [TestCase("0.0.0.0", TestName = "IP address of zeros")]
    [TestCase("xn--punycode", TestName = "Prefix xn--")]
    [TestCase("sthree-anything", TestName = "Prefix sthree-")]
    [TestCase("sthree-configurator-x", TestName = "Prefix sthree-configurator")]
    [TestCase("amzn-s3-demo-bucket", TestName = "Prefix amzn-s3-demo-")]
    [TestCase("name-s3alias", TestName = "Suffix -s3alias")]
    [TestCase("name--ol-s3", TestName = "Suffix --ol-s3")]
    [TestCase("name.mrap", TestName = "Suffix .mrap")]
    [TestCase("name--usw2-az1--x-s3", TestName = "Suffix --x-s3")]
    [TestCase("name--table-s3", TestName = "Suffix --table-s3")]
    public void InvalidName_IsRefused(string name) => Assert.That(BucketNameRules.IsValid(name), Is.False);

    [TestCase("abc")]
    [TestCase("sixty-three-characters-long-is-the-most-s3-allows-for-a-bucket")]
    [TestCase("123")]
    [TestCase("1.2.3")]
    [TestCase("1.2.3.4.5")]
    [TestCase("a-b.c-d")]
    [TestCase("a--b")]
    [TestCase("xn-single-dash")]
    [TestCase("sthree")]
    [TestCase("s3alias-first")]
    [TestCase("mrap.name")]
    public void ValidName_IsAccepted(string name) => Assert.That(BucketNameRules.IsValid(name), Is.True);
}
