using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace S3Emulator.Host.Tests;

/// <summary>
/// The built S3Emulator.Host started as a child process (<c>dotnet S3Emulator.Host.dll …</c>), as a user starts
/// it, with its standard output and error collected line by line. Disposing stops it.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly string _home;

    private HostProcess(Process process, string home)
    {
        _process = process;
        _home = home;
    }

    /// <summary>Every line written so far, standard output and error interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _lines);

    public static string HostAssembly { get; } = typeof(HostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "S3EmulatorHostAssembly").Value!;

    /// <param name="environment">Extra environment variables; a null value removes one.</param>
    public static HostProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The machine's own settings must not change what the emulator prints.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "";
        start.Environment["ASPNETCORE_HTTP_PORTS"] = "";
        start.Environment["ASPNETCORE_HTTPS_PORTS"] = "";
        // A home of its own: an emulator without --data keeps its certificate in ~/.s3emulator, never the user's.
        var home = Directory.CreateTempSubdirectory("s3emulator-home-").FullName;
        start.Environment["HOME"] = home;
        start.Environment["USERPROFILE"] = home;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, home);
        process.OutputDataReceived += (_, e) => host.Receive(e.Data, host._outputClosed);
        process.ErrorDataReceived += (_, e) => host.Receive(e.Data, host._errorClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Starts the host on two free ports and waits until it says it is ready.</summary>
    public static async Task<HostProcess> StartReadyAsync(
        IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var host = Start(["--http-port", FreePort().ToString(), "--https-port", FreePort().ToString(), .. arguments ?? []], environment);
        await host.WaitForLineAsync(line => line.Contains(Banner.Ready, StringComparison.Ordinal));
        return host;
    }

    /// <summary>A port nothing listens on right now (the kernel's choice of an ephemeral one).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for a line that matches; fails with everything printed so far when none comes or the process ends.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = 0;
        while (true)
        {
            var lines = _lines.ToArray();
            for (; seen < lines.Length; seen++)
            {
                if (match(lines[seen])) return lines[seen];
            }
            if (_process.HasExited && _outputClosed.Task.IsCompleted && _errorClosed.Task.IsCompleted && _lines.Count == lines.Length)
            {
                Assert.Fail($"The host exited with {_process.ExitCode} before printing the expected line. It printed:\n{Output}");
            }
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No expected line within {Patience}. The host printed:\n{Output}");
            }
        }
    }

    /// <summary>Waits for the process to end by itself and for its output to be read to the end.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The host did not exit within {Patience}. It printed:\n{Output}");
        }
        return _process.ExitCode;
    }

    private void Receive(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            _lines.Enqueue(line);
        }
        _lineArrived.Release();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Only this child (the one process this object started), never anything found by name.
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _lineArrived.Dispose();
        Directory.Delete(_home, recursive: true);
    }
}
