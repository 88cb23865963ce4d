using Amazon.Runtime;
using S3Emulator.Testing;

// Outside the S3Emulator namespaces, so that the snippet compiles only with the using lines the README shows.
namespace ReadmeSnippets;

/// <summary>The README's "Roles and STS" snippet, copied verbatim and run; the second test keeps the two the same.</summary>
public sealed class StsSnippetTests
{
    [Test]
    public async Task TheReadmeStsSnippet_CompilesAndRunsAsWritten()
    {
        // README:begin
        await using var emulator = await S3EmulatorServer.StartAsync(o =>
        {
            o.Credentials.Add(new() { AccessKeyId = "AKIAALICE", SecretAccessKey = "alice-secret", UserName = "alice" });
            o.Roles.Add(new()
            {
                Name = "reader",
                TrustPolicy = new() { Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},"Action":"sts:AssumeRole"}]}""" },
                Policies = [new() { Name = "read", Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""" }],
            });
        });
        using var sts = emulator.CreateStsClient(new BasicAWSCredentials("AKIAALICE", "alice-secret"));
        var session = (await sts.AssumeRoleAsync(new() { RoleArn = "arn:aws:iam::123456789012:role/reader", RoleSessionName = "ci" })).Credentials;
        using var s3 = emulator.CreateS3Client(session);          // signs as arn:aws:sts::123456789012:assumed-role/reader/ci
        // README:end

        var identity = await emulator.CreateStsClient(session).GetCallerIdentityAsync(new());
        Assert.That(identity.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/ci"));
    }

    [Test]
    public void TheReadme_ShowsExactlyTheSnippetThatRuns() =>
        Assert.That(Readme.CodeBlockAfter("### Roles and STS", "csharp"), Is.EqualTo(Readme.SnippetOf(ThisFile(), "// README:begin", "// README:end")));

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
