namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// What the compose tests need before they start: what every Docker test needs (<see cref="DockerRequirement"/>: an
/// engine that answers, the image <c>s3emulator:local</c>), and a compose tool (<c>docker-compose</c> 1.29 or
/// <c>docker compose</c> v2). Missing any, they are ignored with the reason, unless <c>S3EMULATOR_REQUIRE_DOCKER=1</c>
/// (CI), where they fail.
/// </summary>
internal static class ComposeDockerRequirement
{
    public const string Image = DockerRequirement.Image;

    /// <summary>The compose command line: the tool and the arguments that come before a compose subcommand.</summary>
    public static async Task<IReadOnlyList<string>> ComposeCommandAsync()
    {
        await DockerRequirement.EnsureAsync();
        if ((await ComposeProcess.RunAsync("docker-compose", ["version"], timeout: TimeSpan.FromSeconds(20))).Succeeded)
        {
            return ["docker-compose"];
        }
        if ((await ComposeProcess.RunAsync("docker", ["compose", "version"], timeout: TimeSpan.FromSeconds(20))).Succeeded)
        {
            return ["docker", "compose"];
        }
        const string reason = "Neither docker-compose nor the docker compose plug-in is installed (Debian: apt-get install docker-compose).";
        if (Environment.GetEnvironmentVariable(DockerRequirement.RequireVariable) == "1")
        {
            Assert.Fail($"{reason} ({DockerRequirement.RequireVariable}=1 makes this a failure.)");
        }
        Assert.Ignore($"{reason} (Set {DockerRequirement.RequireVariable}=1 to fail instead of skipping.)");
        return [];
    }
}
