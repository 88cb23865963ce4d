namespace S3Emulator.Host.Tests;

/// <summary>A plug-in folder that cannot be used stops start-up with one line naming what to fix.</summary>
public sealed class PlugInFailureTests
{
    private string _functions = "";

    [SetUp]
    public void CreateFolder() => _functions = Directory.CreateTempSubdirectory("s3emulator-functions-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_functions, recursive: true);

    [Test]
    public async Task AFunctionsFolderThatDoesNotExist_PrintsOneLineNamingIt_AndExitsWithOne()
    {
        var missing = Path.Combine(_functions, "missing");

        var (exitCode, output) = await StartAsync(new Dictionary<string, string?> { ["S3Emulator__FunctionsPath"] = missing });

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Is.EqualTo($"S3Emulator:FunctionsPath names '{missing}', which does not exist."));
    }

    [Test]
    public async Task TwoPlugInsDefiningTheSameFunctionName_PrintOneLineNamingBothFiles_AndExitWithOne()
    {
        var first = ExamplePlugIn.CopyTo(Path.Combine(_functions, "a"));
        var second = ExamplePlugIn.CopyTo(Path.Combine(_functions, "b"));

        var (exitCode, output) = await StartAsync(new Dictionary<string, string?> { ["S3Emulator__FunctionsPath"] = _functions });

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Not.Contain('\n'));
        Assert.That(output, Does.StartWith("S3Emulator:FunctionsPath: the function '").And.Contain("' is defined twice: by S3Emulator.ExampleTransforms."));
        Assert.That(output, Does.Contain($"in '{first}' and by").And.EndWith($"in '{second}'. Function names must be unique."));
    }

    [Test]
    public async Task OneAssemblyTwiceInOneFolder_PrintsOneLineNamingBothFiles_AndExitsWithOne()
    {
        var original = ExamplePlugIn.CopyTo(_functions);
        var copy = Path.Combine(_functions, "zz-copy.dll");
        File.Copy(original, copy);

        var (exitCode, output) = await StartAsync(new Dictionary<string, string?> { ["S3Emulator__FunctionsPath"] = _functions });

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Is.EqualTo(
            $"S3Emulator:FunctionsPath: '{copy}' is the assembly S3Emulator.ExampleTransforms, which '{original}' already is: keep one of the two files."));
    }

    [Test]
    public async Task ADamagedAssembly_PrintsOneLineNamingTheFile_AndExitsWithOne()
    {
        var plugIn = ExamplePlugIn.CopyTo(_functions);
        var bytes = await File.ReadAllBytesAsync(plugIn);
        await File.WriteAllBytesAsync(plugIn, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var (exitCode, output) = await StartAsync(new Dictionary<string, string?> { ["S3Emulator__FunctionsPath"] = _functions });

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.StartWith($"S3Emulator:FunctionsPath: '{plugIn}' could not be loaded: "));
    }

    [Test]
    public async Task AnHttpFunctionOfAPlugInFunctionsName_PrintsOneLineNamingBoth_AndExitsWithOne()
    {
        var plugIn = ExamplePlugIn.CopyTo(_functions);

        var (exitCode, output) = await StartAsync(new Dictionary<string, string?>
        {
            ["S3Emulator__FunctionsPath"] = _functions,
            ["S3Emulator__Functions__0__Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:gzip",
            ["S3Emulator__Functions__0__Url"] = "http://localhost:1/gzip",
        });

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Is.EqualTo(
            "S3Emulator:Functions:0 'arn:aws:lambda:us-east-1:123456789012:function:gzip' is an HTTP function, and the plug-in "
            + $"'{plugIn}' defines a function of the same name (S3Emulator.ExampleTransforms.GzipTransform): remove the Url or the plug-in."));
    }

    private static async Task<(int ExitCode, string Output)> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        await using var host = HostProcess.Start(["--http-port", HostProcess.FreePort().ToString(), "--https-port", "0"], environment);
        var exitCode = await host.WaitForExitAsync();
        return (exitCode, host.Output.Trim());
    }
}
