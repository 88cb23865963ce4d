using S3Emulator.ClientTests.Containers;
using S3Emulator.Server.Hosting;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests;

/// <summary>Starts the scenario fixtures' <see cref="Transport.Container"/> emulator with the Testcontainers module.</summary>
internal static class ContainerEmulatorFactory
{
    /// <summary>
    /// Starts a container given the fixture's <paramref name="configure"/> through the module's <c>WithOptions</c>, after
    /// the in-process fixture's test default that a scenario may rely on (a denial names its deciding statement).
    /// Ignores the fixture, or fails it under <c>S3EMULATOR_REQUIRE_DOCKER=1</c>, without Docker or the image.
    /// </summary>
    public static async Task<S3EmulatorContainer> StartAsync(Action<S3EmulatorOptions> configure)
    {
        await DockerRequirement.EnsureAsync();
        var container = new S3EmulatorBuilder(DockerRequirement.Image)
            .WithOptions(options =>
            {
                options.ExplainDenials = true;
                configure(options);
            })
            .Build();
        await ContainerStartup.StartOrExplainAsync(container);
        return container;
    }
}
