using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

// Outside the S3Emulator namespaces, so that the snippet compiles only with the using lines the README shows.
namespace ReadmeSnippets;

/// <summary>
/// The README's "Local development with docker compose": its AWS CLI commands run as written against the compose stack
/// (only the published ports swapped for the test's), and its AWSSDK.S3 snippet is the one compiled here.
/// </summary>
[NonParallelizable]
public sealed class ComposeReadmeTests
{
    private const string Heading = "## Local development with docker compose";

    [Test]
    public async Task TheReadmesAwsCliCommands_WriteAndReadAnSseKmsObjectOverHttps()
    {
        if (!(await S3Emulator.ClientTests.Containers.ComposeProcess.RunAsync("aws", ["--version"])).Succeeded)
        {
            Assert.Ignore("The AWS CLI is not installed (pip install awscli, or apt-get install awscli).");
        }
        var commands = BlockStartingWith("curl -s http://localhost:9000/_s3emulator/certificate");
        await using var stack = await S3Emulator.ClientTests.Containers.ComposeStack.CreateAsync();
        await stack.UpAsync();
        var script = string.Join('\n', commands)
            .Replace("localhost:9000", $"localhost:{stack.HttpPort}", StringComparison.Ordinal)
            .Replace("localhost:9443", $"localhost:{stack.HttpsPort}", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("s3emulator-compose-readme-");

        try
        {
            var run = await S3Emulator.ClientTests.Containers.ComposeProcess.RunAsync(
                "bash", ["-e", "-c", script], timeout: TimeSpan.FromMinutes(2), workingDirectory: folder.FullName);
            using var s3 = stack.CreateS3Client();
            var head = await s3.GetObjectMetadataAsync("docs", "hello.txt");

            Assert.That(run.ExitCode, Is.EqualTo(0), run.StandardError);
            Assert.That(run.StandardOutput, Does.Contain("hello from compose"));
            Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Does.EndWith(":key/0d9c4a5e-5b9b-4f0e-9a8b-3c2f1e0d7a61"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Compiled, not run: it reaches a stack on the default ports with a certificate the machine trusts, which a test run
    // has neither of; ComposeRestartTests make the same calls against a stack of their own.
    private static async Task ComposeSnippet()
    {
        // README:begin
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials("AKIAS3EMULATORDEVELO", "developer/K7MDENG/bPxRfiCYDEVELOPERKEY"),
            new AmazonS3Config { ServiceURL = "https://localhost:9443", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "uploads", Key = "report.csv", ContentBody = "a,b",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = "alias/s3emulator-local",
        });
        // README:end
    }

    [Test]
    public void TheReadme_ShowsExactlyTheComposeSnippetThatCompilesHere()
    {
        var tested = Readme.SnippetOf(ThisFile(), "// README:begin", "// README:end");

        var shown = Readme.CodeBlockAfter(Heading, "csharp");

        Assert.That(shown, Is.EqualTo(tested));
    }

    private static List<string> BlockStartingWith(string firstLine)
    {
        var lines = Readme.Text().Split('\n').Select(l => l.TrimEnd()).ToList();
        var start = lines.FindIndex(l => l.StartsWith(firstLine, StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThan(0), $"the README shows a block starting with '{firstLine}'");
        Assert.That(lines[start - 1], Is.EqualTo("```sh"));
        return lines.Skip(start).TakeWhile(l => l != "```").ToList();
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
