namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// What the compose tests need before they start: a Docker engine that answers, the image
/// <c>s3emulator:local</c>, and a compose tool (<c>docker-compose</c> 1.29 or <c>docker compose</c> v2). Missing
/// any, they are ignored with the reason, unless <c>S3EMULATOR_REQUIRE_DOCKER=1</c> (CI), where they fail.
/// A copy of the shared guard's rule (Containers/DockerRequirement.cs), plus the compose tool only these tests need.
/// </summary>
internal static class ComposeDockerRequirement
{
    public const string Image = "s3emulator:local";

    /// <summary>The compose command line: the tool and the arguments that come before a compose subcommand.</summary>
    public static async Task<IReadOnlyList<string>> ComposeCommandAsync()
    {
        var engine = await ComposeProcess.RunAsync("docker", ["version", "--format", "{{.Server.Version}}"], timeout: TimeSpan.FromSeconds(20));
        if (!engine.Succeeded)
        {
            Unavailable($"No Docker engine answers (`docker version`: {engine.StandardError.Trim()}).");
        }
        var image = await ComposeProcess.RunAsync("docker", ["image", "inspect", "--format", "{{.Id}}", Image], timeout: TimeSpan.FromSeconds(20));
        if (!image.Succeeded)
        {
            Unavailable($"The image {Image} is missing; build it with emulator/S3Emulator.Host/docker/build-image.sh.");
        }
        if ((await ComposeProcess.RunAsync("docker-compose", ["version"], timeout: TimeSpan.FromSeconds(20))).Succeeded)
        {
            return ["docker-compose"];
        }
        if ((await ComposeProcess.RunAsync("docker", ["compose", "version"], timeout: TimeSpan.FromSeconds(20))).Succeeded)
        {
            return ["docker", "compose"];
        }
        Unavailable("Neither docker-compose nor the docker compose plug-in is installed (Debian: apt-get install docker-compose).");
        return [];
    }

    private static void Unavailable(string reason)
    {
        if (Environment.GetEnvironmentVariable("S3EMULATOR_REQUIRE_DOCKER") == "1")
        {
            Assert.Fail(reason + " S3EMULATOR_REQUIRE_DOCKER=1 makes this a failure.");
        }
        Assert.Ignore(reason + " (Set S3EMULATOR_REQUIRE_DOCKER=1 to fail instead.)");
    }
}
