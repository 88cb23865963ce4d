using S3Emulator.Server.Hosting;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// A configuration the emulator refuses fails the container's start promptly (the wait strategy sees the container
/// exit, it does not wait out its limit), and the container's output says why.
/// </summary>
[Category("Docker")]
public sealed class ContainerStartFailureTests
{
    [Test]
    public async Task ARoleWithoutATrustPolicy_FailsTheStart_AndTheOutputNamesTheRole()
    {
        await DockerRequirement.EnsureAsync();
        await using var container = new S3EmulatorBuilder(DockerRequirement.Image)
            .WithRoles(new RoleOptions { Name = "untrusting" })
            .Build();
        var started = Stopwatch.StartNew();

        var failure = await CatchAsync(() => container.StartAsync());
        var (stdout, stderr) = await container.GetLogsAsync();

        Assert.That(failure, Is.Not.Null, "the start must fail");
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the failure is seen when the container exits");
        Assert.That(stdout + stderr, Does.Contain("untrusting"));
    }

    private static async Task<Exception?> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
