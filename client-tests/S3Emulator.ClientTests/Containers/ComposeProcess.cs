using System.Text;

namespace S3Emulator.ClientTests.Containers;

/// <summary>What a finished command printed, and how it ended.</summary>
internal sealed record ComposeProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs the docker and docker-compose command-line tools, as a developer would, and collects what they print.</summary>
internal static class ComposeProcess
{
    public static async Task<ComposeProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed: the same answer as a command that failed, so callers decide once.
            return new ComposeProcessResult(127, "", $"{fileName}: not found");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ComposeProcessResult(124, output.ToString(), error + $"{fileName}: timed out after {timeout}");
        }
        // WaitForExitAsync returns once both streams are drained.
        return new ComposeProcessResult(process.ExitCode, output.ToString(), error.ToString());
    }

    public static async Task<string> RunCheckedAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var list = arguments.ToList();
        var result = await RunAsync(fileName, list, environment, timeout);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"`{fileName} {string.Join(' ', list)}` exited with {result.ExitCode}:\n{result.StandardError}\n{result.StandardOutput}");
        }
        return result.StandardOutput;
    }
}
