using S3Emulator.ExampleTransforms;
using S3Emulator.Testing;

// Outside the S3Emulator namespaces, so that the snippet compiles only with the using lines the README shows.
namespace ReadmeSnippets;

/// <summary>The README's "S3 Object Lambda" snippet, copied verbatim and run; the second test keeps the two the same.</summary>
public sealed class ObjectLambdaSnippetTests
{
    [Test]
    public async Task TheReadmeObjectLambdaSnippet_CompilesAndRunsAsWritten()
    {
        // README:begin
        await using var emulator = await S3EmulatorServer.StartAsync(o =>
        {
            o.InitialBuckets.Add("docs");
            o.AccessPoints.Add(new() { Name = "docs-ap", Bucket = "docs" });
            o.Roles.Add(new()
            {
                Name = "olap-function",
                TrustPolicy = new() { Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""" },
                Policies = [new() { Name = "answer", Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:WriteGetObjectResponse","Resource":"*"}]}""" }],
            });
            o.AddObjectLambdaFunction("uppercase", new UppercaseTransform(), role: "arn:aws:iam::123456789012:role/olap-function");
            o.ObjectLambdaAccessPoints.Add(new()
            {
                Name = "docs-upper",
                SupportingAccessPoint = "docs-ap",
                TransformationConfigurations = [new() { Actions = ["GetObject"], FunctionArn = "uppercase" }],
            });
        });
        using var s3 = emulator.CreateS3Client(c => { c.ServiceURL = "https://localhost"; c.ForcePathStyle = false; });
        await s3.PutObjectAsync(new() { BucketName = "docs", Key = "a.txt", ContentBody = "hello" });
        using var upper = await s3.GetObjectAsync("arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/docs-upper", "a.txt");
        // README:end

        using var reader = new StreamReader(upper.ResponseStream);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("HELLO"));
    }

    [Test]
    public void TheReadme_ShowsExactlyTheSnippetThatRuns() =>
        Assert.That(Readme.CodeBlockAfter("## S3 Object Lambda", "csharp"), Is.EqualTo(Readme.SnippetOf(ThisFile(), "// README:begin", "// README:end")));

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
