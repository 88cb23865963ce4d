using Amazon.S3.Model;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// A configuration file given with <c>WithConfigurationFile</c> configures the container, and the builder's <c>With…</c>
/// methods override it key by key, as the environment overrides the file for compose.
/// </summary>
[Category("Docker")]
public sealed class ContainerConfigurationFileTests : ContainerTestBase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"s3emulator-config-{Guid.NewGuid():N}.json");

    protected override S3EmulatorBuilder Configure(S3EmulatorBuilder builder)
    {
        File.WriteAllText(_file, """{ "S3Emulator": { "Region": "eu-west-1", "InitialBuckets": [ "from-file" ] } }""");
        return builder.WithConfigurationFile(_file).WithRegion("eu-central-1");
    }

    [OneTimeTearDown]
    public void DeleteFile() => File.Delete(_file);

    [Test]
    public async Task BucketFromTheFile_Exists_InTheRegionTheBuilderGave()
    {
        var location = await S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = "from-file" });

        Assert.That(location.Location.Value, Is.EqualTo("eu-central-1"));
    }
}
