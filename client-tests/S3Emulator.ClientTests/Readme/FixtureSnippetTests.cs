using S3Emulator.Testing;

// Outside the S3Emulator namespaces, so that the snippet compiles only with the using lines the README shows.
namespace ReadmeSnippets;

/// <summary>
/// The README's "In a .NET test suite" snippet, copied verbatim (with its using lines, above) and run; the
/// second test keeps the README and this copy the same.
/// </summary>
public sealed class FixtureSnippetTests
{
    [Test]
    public async Task TheReadmeFixtureSnippet_CompilesAndRunsAsWritten()
    {
        // README:begin
        await using var emulator = await S3EmulatorServer.StartAsync(o => o.InitialBuckets.Add("uploads"));
        using var s3 = emulator.CreateS3Client();                 // ready AmazonS3Client, in-process (no sockets)
        await s3.PutObjectAsync(new() { BucketName = "uploads", Key = "a.txt", ContentBody = "hello" });
        var served = emulator.Journal.Entries;                    // what the emulator saw
        // README:end

        Assert.That(served.Select(e => e.Operation), Does.Contain("PutObject"));
    }

    [Test]
    public void TheReadme_ShowsExactlyTheSnippetThatRuns()
    {
        var tested = Readme.SnippetOf(ThisFile(), "// README:begin", "// README:end");

        var shown = Readme.CodeBlockAfter("## In a .NET test suite", "csharp");

        Assert.That(shown, Is.EqualTo(tested));
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
