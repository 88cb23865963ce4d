using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests;

/// <summary>
/// One emulator per fixture and transport; each test makes its own bucket, so tests never see each
/// other's objects. Written against the public S3 API only, so the scenarios could run against S3. The fixtures
/// <see cref="ContainerScenarios"/> lists run against a Testcontainers-started container too.
/// </summary>
[TransportFixtureSource]
public abstract class EmulatorTestBase(Transport transport)
{
    private readonly CapturedLogs _logs = new();

    protected Transport Transport { get; } = transport;

    protected ScenarioEmulator Emulator { get; private set; } = null!;

    protected AmazonS3Client S3 { get; private set; } = null!;

    /// <summary>
    /// A client that reaches the emulator over HTTPS (SSE-C requires it): https://localhost in-process, the HTTPS
    /// endpoint over loopback.
    /// </summary>
    protected AmazonS3Client SecureS3 { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartEmulatorAsync()
    {
        Emulator = Transport == Transport.Container
            ? ScenarioEmulator.InContainer(await ContainerEmulatorFactory.StartAsync(ConfigureEmulator))
            : ScenarioEmulator.InProcess(await EmulatorFactory.StartAsync(Transport, ConfigureEmulator, _logs));
        S3 = Emulator.CreateS3Client();
        SecureS3 = Emulator.CreateS3Client(c => c.ServiceURL = (Emulator.HttpsUrl ?? new Uri("https://localhost")).ToString());
    }

    [OneTimeTearDown]
    public async Task StopEmulatorAsync()
    {
        S3?.Dispose();
        SecureS3?.Dispose();
        if (Emulator is not null) await Emulator.DisposeAsync();
    }

    /// <summary>
    /// Every log line the fixture's emulator wrote, at every level. A container's logs are in another process: a test
    /// that searches them is ignored there rather than passing on an empty capture.
    /// </summary>
    protected CapturedLogs Logs => Transport == Transport.Container ? throw ContainerScenarios.NotObservable("the emulator's log") : _logs;

    protected virtual void ConfigureEmulator(S3Emulator.Server.Hosting.S3EmulatorOptions options)
    {
    }

    protected async Task<string> CreateBucketAsync(string prefix = "test")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await S3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    protected async Task<string> PutTextAsync(string bucket, string key, string body)
    {
        var response = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });
        return response.ETag;
    }

    protected async Task<string> GetTextAsync(string bucket, string key)
    {
        using var response = await S3.GetObjectAsync(bucket, key);
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
        Assert.Fail("Expected the request to fail with an S3 error.");
        throw new UnreachableException();
    }
}
