using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Services.S3.Routing;

public sealed class AccessPointHostsTests
{
    [TestCase("my-ap-123456789012", "my-ap", "123456789012")]
    [TestCase("ap-111122223333", "ap", "111122223333")]
    [TestCase("a-123456789012-123456789012", "a-123456789012", "123456789012")]
    public void TrySplitLabel_SplitsOnTheLastHyphenBeforeTheAccount(string label, string name, string account)
    {
        Assert.That(AccessPointHosts.TrySplitLabel(label, out var n, out var a), Is.True);
        Assert.That((n, a), Is.EqualTo((name, account)));
    }

    [TestCase("my-bucket")]
    [TestCase("my-ap-12345678901")]
    [TestCase("123456789012")]
    [TestCase("my-ap-1234567890123")]
    public void TrySplitLabel_WithoutATwelveDigitAccount_IsNoAccessPointLabel(string label)
    {
        Assert.That(AccessPointHosts.TrySplitLabel(label, out _, out _), Is.False);
    }

    [TestCase("my-ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com", "/dir/a%20b", "my-ap-123456789012", "dir/a b")]
    [TestCase("my-ap-123456789012.s3-accesspoint.dualstack.eu-west-1.amazonaws.com", "/k", "my-ap-123456789012", "k")]
    [TestCase("my-ap-123456789012.localhost:4566", "/k?x-id=GetObject", "my-ap-123456789012", "k")]
    public void TheS3Classifier_ReadsTheAccessPointLabel_AsAVirtualHostedBucket(string host, string target, string label, string key)
    {
        var request = new S3RequestClassifier(["localhost"]).Classify("GET", host, target, hasCopySource: false);

        Assert.That((request.Bucket, request.Key, request.VirtualHosted), Is.EqualTo((label, key, true)));
    }

    [TestCase("my-ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com", true)]
    [TestCase("my-ap-123456789012.s3-accesspoint-fips.us-east-1.amazonaws.com", true)]
    [TestCase("my-ap-123456789012.localhost", false)]
    [TestCase("bucket.s3.us-east-1.amazonaws.com", false)]
    public void IsAwsAccessPointHost_KnowsAwssOwnHost(string host, bool expected)
    {
        Assert.That(AccessPointHosts.IsAwsAccessPointHost(host), Is.EqualTo(expected));
    }
}
