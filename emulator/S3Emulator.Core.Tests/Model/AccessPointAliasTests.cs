using System.Text.RegularExpressions;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Model;

public sealed class AccessPointAliasTests
{
    [TestCase("my-access-point", "my-access-point")]
    [TestCase("a-very-long-access-point-name-of-fifty-characters", "a-very-long-access-p")]
    [TestCase("twenty-chars-cut-at--dash", "twenty-chars-cut-at")]
    public void Create_GivesNamePrefixRandomMetadataAndTheS3AliasSuffix(string name, string expectedPrefix)
    {
        var alias = AccessPointAlias.Create(name);

        Assert.That(alias, Does.Match($"^{Regex.Escape(expectedPrefix)}-[a-z0-9]{{34}}-s3alias$"));
        Assert.That(alias, Has.Length.LessThanOrEqualTo(63), "an alias must be a valid bucket name");
    }

    [Test]
    public void Create_GivesADifferentAliasEachTime()
    {
        Assert.That(AccessPointAlias.Create("reports"), Is.Not.EqualTo(AccessPointAlias.Create("reports")));
    }

    [TestCase("my-access-point-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias", ExpectedResult = true)]
    [TestCase("my-bucket", ExpectedResult = false)]
    [TestCase("x-s3alias", ExpectedResult = false)]
    public bool IsAlias_RecognisesTheAliasShape(string bucketName) => AccessPointAlias.IsAlias(bucketName);

    [Test]
    public void IsAlias_RecognisesWhatCreateMakes()
    {
        Assert.That(AccessPointAlias.IsAlias(AccessPointAlias.Create("reports")), Is.True);
    }
}
