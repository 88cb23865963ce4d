using System.Net.Sockets;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// The Docker engine's HTTP API over its unix socket (<c>DOCKER_HOST=unix://…</c> or <c>/var/run/docker.sock</c>), for
/// what Testcontainers does not offer: the readiness probe of <see cref="DockerRequirement"/>, and a container
/// folder's contents as a tar archive.
/// </summary>
internal static class DockerEngine
{
    /// <summary>The socket's path; null when <c>DOCKER_HOST</c> names something else (tcp, ssh).</summary>
    public static string? SocketPath
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
            if (string.IsNullOrEmpty(host)) return "/var/run/docker.sock";
            return host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : null;
        }
    }

    /// <summary>A client whose relative URLs are engine API paths (<c>/version</c>); null without a unix socket.</summary>
    public static HttpClient? CreateClient()
    {
        var path = SocketPath;
        if (path is null) return null;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Every regular file under <paramref name="folder"/> in the container, with its bytes.</summary>
    public static async Task<IReadOnlyList<(string Name, byte[] Content)>> ReadFolderAsync(string containerId, string folder)
    {
        using var client = CreateClient() ?? throw new InvalidOperationException("The Docker engine has no unix socket to read from.");
        using var response = await client.GetAsync($"/containers/{containerId}/archive?path={Uri.EscapeDataString(folder)}");
        response.EnsureSuccessStatusCode();
        await using var archive = await response.Content.ReadAsStreamAsync();
        using var reader = new System.Formats.Tar.TarReader(archive);
        var files = new List<(string, byte[])>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.EntryType is not (System.Formats.Tar.TarEntryType.RegularFile or System.Formats.Tar.TarEntryType.V7RegularFile)) continue;
            using var content = new MemoryStream();
            if (entry.DataStream is { } data) await data.CopyToAsync(content);
            files.Add((entry.Name, content.ToArray()));
        }
        return files;
    }
}
