using Amazon.S3;
using Amazon.S3.Model;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// One emulator container per fixture, started from <c>s3emulator:local</c> by the Testcontainers module and removed
/// after the fixture (Ryuk is off: nothing else would remove it). Each test makes its own bucket. Ignored, or failed
/// under <c>S3EMULATOR_REQUIRE_DOCKER=1</c>, when there is no Docker engine or no image.
/// </summary>
public abstract class ContainerTestBase
{
    protected S3EmulatorContainer Container { get; private set; } = null!;

    /// <summary>A path-style client over HTTP.</summary>
    protected AmazonS3Client S3 { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartContainerAsync()
    {
        await DockerRequirement.EnsureAsync();
        Container = Configure(new S3EmulatorBuilder(DockerRequirement.Image)).Build();
        var started = Stopwatch.StartNew();
        try
        {
            await ContainerStartup.StartOrExplainAsync(Container);
        }
        catch
        {
            Container = null!; // disposed already: nothing for the teardown to remove
            throw;
        }
        TestContext.Progress.WriteLine($"{GetType().Name}: container {Container.Name} healthy in {started.ElapsedMilliseconds} ms");
        S3 = Container.CreateS3Client();
    }

    [OneTimeTearDown]
    public async Task RemoveContainerAsync()
    {
        S3?.Dispose();
        if (Container is not null) await Container.DisposeAsync();
    }

    /// <summary>The container's configuration beyond the image; the module's <c>With…</c> methods.</summary>
    protected virtual S3EmulatorBuilder Configure(S3EmulatorBuilder builder) => builder;

    protected async Task<string> CreateBucketAsync(string prefix = "ct")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await S3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    protected static async Task<string> ReadTextAsync(GetObjectResponse response)
    {
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Runs <paramref name="action"/> and returns the S3 error it must fail with.</summary>
    protected static async Task<AmazonS3Exception> ExpectS3ErrorAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AmazonS3Exception exception)
        {
            return exception;
        }
        throw new AssertionException("Expected an S3 error, but the request succeeded.");
    }
}
