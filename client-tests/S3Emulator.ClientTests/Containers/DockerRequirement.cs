using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// The one check every Docker test calls first (<c>await DockerRequirement.EnsureAsync()</c>): a Docker engine answers
/// and the image <c>s3emulator:local</c> exists. When either is missing the test is ignored with the reason and the fix,
/// so the README's test command passes on a machine without Docker; with <c>S3EMULATOR_REQUIRE_DOCKER=1</c> (CI) it
/// fails instead. It also prepares Testcontainers' environment before its first use: no Ryuk (its image cannot be
/// pulled without a registry, so tests remove their own containers), the engine's own API version (Debian's docker.io
/// 20.10 speaks 1.41, older than Testcontainers asks for), and <c>localhost</c> as the containers' host (in a machine
/// with <c>/.dockerenv</c> Testcontainers would report the bridge gateway, and host-named addressing needs a name).
/// Values already in the environment are kept.
/// </summary>
public static class DockerRequirement
{
    /// <summary>The image the Docker tests run.</summary>
    public const string Image = "s3emulator:local";

    /// <summary>The command that builds <see cref="Image"/>.</summary>
    public const string BuildCommand = "emulator/S3Emulator.Host/docker/build-image.sh";

    /// <summary>The variable under which a missing engine or image fails the test instead of ignoring it.</summary>
    public const string RequireVariable = "S3EMULATOR_REQUIRE_DOCKER";

    // Probed once per test run: the engine does not come and go between tests. Immutable once created.
    private static readonly Lazy<Task<string?>> Probe = new(ProbeAsync);

    /// <summary>Ignores (or, under <see cref="RequireVariable"/>, fails) the calling test unless Docker and the image are there.</summary>
    public static async Task EnsureAsync()
    {
        var problem = await Probe.Value.ConfigureAwait(false);
        if (problem is null) return;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{problem} ({RequireVariable}=1 makes this a failure.)");
        }
        Assert.Ignore($"{problem} (Set {RequireVariable}=1 to fail instead of skipping.)");
    }

    // Null when everything is there; else one sentence saying what is missing and how to get it.
    private static async Task<string?> ProbeAsync()
    {
        using var client = DockerEngine.CreateClient();
        if (client is null)
        {
            return $"Docker tests need a Docker engine reached through a unix socket; DOCKER_HOST is {Environment.GetEnvironmentVariable("DOCKER_HOST")}.";
        }
        string apiVersion;
        try
        {
            // A wedged engine must not hold the test run: a healthy one answers in milliseconds.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var version = await client.GetFromJsonAsync<JsonDocument>("/version", timeout.Token).ConfigureAwait(false);
            apiVersion = version!.RootElement.GetProperty("ApiVersion").GetString()!;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException or JsonException)
        {
            return $"No Docker engine answers at {DockerEngine.SocketPath} ({e.Message}); start dockerd to run the Docker tests.";
        }
        using (var image = await client.GetAsync($"/images/{Image}/json").ConfigureAwait(false))
        {
            if (!image.IsSuccessStatusCode)
            {
                return $"The image {Image} is missing; build it with {BuildCommand}.";
            }
        }
        PrepareTestcontainers(apiVersion);
        return null;
    }

    private static void PrepareTestcontainers(string apiVersion)
    {
        SetUnlessPresent("TESTCONTAINERS_RYUK_DISABLED", "true");
        SetUnlessPresent("DOCKER_API_VERSION", apiVersion);
        SetUnlessPresent("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    }

    private static void SetUnlessPresent(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) Environment.SetEnvironmentVariable(name, value);
    }
}
