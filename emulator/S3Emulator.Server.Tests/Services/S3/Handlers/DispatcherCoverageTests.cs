using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Routing;
using S3Emulator.Server.Tests.Encryption;

namespace S3Emulator.Server.Tests.Services.S3.Handlers;

/// <summary>
/// Keeps docs/compatibility.md honest: every operation is listed there, and what the table says
/// (implemented, or 501 NotImplemented) is what the dispatcher does. Each operation is sent, as the
/// classifier reads it, at a bucket and object that exist and an upload in progress, so that a 501 thrown
/// anywhere on the handler's path (not only in the dispatcher's switch) is seen.
/// </summary>
public sealed partial class DispatcherCoverageTests
{
    private const string Bucket = "bucket";
    private const string Key = "key";
    private static readonly IReadOnlyDictionary<string, string> DocumentedStatus = ReadCompatibilityTable();
    private static readonly S3RequestClassifier Classifier = new(["localhost"]);
    private static readonly S3Principal Owner = new("123456789012", "arn:aws:iam::123456789012:root", "AKID", S3Principal.RootUserName);

    public static IEnumerable<S3Operation> Operations => Enum.GetValues<S3Operation>().Where(o => o != S3Operation.Unknown);

    [TestCaseSource(nameof(Operations))]
    public async Task Operation_IsDocumented_AndBehavesAsDocumented(S3Operation operation)
    {
        Assert.That(DocumentedStatus.ContainsKey(operation.ToString()), Is.True, $"{operation} is missing from docs/compatibility.md");
        var world = await World.CreateAsync();

        var error = await world.DispatchAsync(operation);

        var notImplemented = error?.Error.Code == "NotImplemented";
        Assert.That(notImplemented, Is.EqualTo(DocumentedStatus[operation.ToString()].Contains("501", StringComparison.Ordinal)),
            $"{operation}: the dispatcher answered {error?.Error.Code ?? "success"}");
        if (notImplemented)
        {
            Assert.That(error!.Error.StatusCode, Is.EqualTo(501));
            Assert.That(error.Error.Message, Does.Contain(operation.ToString()));
        }
        else
        {
            // The request reached the handler's work: the bucket, object and upload it names all exist.
            Assert.That(error?.Error.Code, Is.Not.AnyOf("NoSuchBucket", "NoSuchKey", "NoSuchUpload", "MethodNotAllowed"),
                $"{operation} never got past finding its resource");
        }
    }

    /// <summary>A store holding one bucket, one object and one multipart upload with a part, made through the dispatcher.</summary>
    private sealed class World
    {
        private readonly IObjectStore _store = new InMemoryObjectStore();
        private readonly S3EmulatorOptions _options = new();
        private string _uploadId = "";

        public static async Task<World> CreateAsync()
        {
            var world = new World();
            await world.SendAsync("PUT", $"/{Bucket}");
            await world.SendAsync("PUT", $"/{Bucket}/{Key}", body: "content");
            var created = await world.SendAsync("POST", $"/{Bucket}/upload?uploads");
            world._uploadId = UploadId().Match(created).Groups[1].Value;
            await world.SendAsync("PUT", $"/{Bucket}/upload?partNumber=1&uploadId={world._uploadId}", body: "part");
            return world;
        }

        public async Task<S3Exception?> DispatchAsync(S3Operation operation)
        {
            var rule = OperationRules.All.FirstOrDefault(r => r.Operation == operation);
            Assert.That(rule, Is.Not.Null, $"{operation} has no classification rule");
            var path = rule!.Level switch
            {
                ResourceLevel.Service => "/",
                ResourceLevel.Bucket => $"/{Bucket}",
                _ => $"/{Bucket}/{(rule.SubResource == "uploadId" ? "upload" : Key)}",
            };
            var query = rule.SubResource switch
            {
                null => "",
                "uploadId" => $"?uploadId={_uploadId}&partNumber=1",
                "list-type" => "?list-type=2",
                var subResource => "?" + subResource,
            };
            try
            {
                await SendAsync(rule.Method, path + query, copySource: rule.NeedsCopySource, expected: operation);
                return null;
            }
            catch (S3Exception exception)
            {
                return exception;
            }
        }

        private async Task<string> SendAsync(string method, string target, string body = "", bool copySource = false, S3Operation? expected = null)
        {
            var http = new DefaultHttpContext();
            http.Request.Method = method;
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            if (copySource) http.Request.Headers["x-amz-copy-source"] = $"/{Bucket}/{Key}";
            var request = Classifier.Classify(method, "localhost", target, copySource);
            if (expected is { } operation) Assert.That(request.Operation, Is.EqualTo(operation), $"{method} {target} classifies as another operation");
            var context = new S3RequestContext(TestExchange.For(http), request, Owner, _store, _options, TimeProvider.System, TestEncryption.NewEncryptor())
            {
                ResolvedBucket = await S3BucketResolver.ResolveAsync(_store, request, CancellationToken.None),
            };
            var result = await S3Dispatcher.DispatchAsync(context);
            if (result.Body is null) return "";
            using var written = new MemoryStream();
            await result.Body(written, CancellationToken.None);
            return Encoding.UTF8.GetString(written.ToArray());
        }
    }

    private static Dictionary<string, string> ReadCompatibilityTable()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "compatibility.md")))
        {
            directory = directory.Parent;
        }
        var text = File.ReadAllText(Path.Combine(directory!.FullName, "docs", "compatibility.md"));
        return TableRow().Matches(text).ToDictionary(m => m.Groups["operation"].Value, m => m.Groups["status"].Value);
    }

    [GeneratedRegex(@"^\| (?<operation>[A-Za-z0-9]+) \| (?<status>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<UploadId>([^<]+)</UploadId>")]
    private static partial Regex UploadId();
}
