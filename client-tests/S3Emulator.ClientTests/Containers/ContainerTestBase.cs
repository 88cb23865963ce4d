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
            await Container.StartAsync();
            TestContext.Progress.WriteLine($"{GetType().Name}: container {Container.Name} healthy in {started.ElapsedMilliseconds} ms");
        }
        catch (Exception e)
        {
            // The container's own output says why it did not become healthy (a configuration error, a port in use).
            var output = await OutputAsync(Container);
            await Container.DisposeAsync();
            Container = null!;
            throw new InvalidOperationException($"The emulator container did not start: {e.Message}\n{output}", e);
        }
        S3 = Container.CreateS3Client();
    }

    // The container's stdout and stderr, or why there are none (it was never created).
    private static async Task<string> OutputAsync(S3EmulatorContainer container)
    {
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync();
            return $"--- stdout\n{stdout}\n--- stderr\n{stderr}";
        }
        catch (Exception e)
        {
            return $"(no container output: {e.Message})";
        }
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
