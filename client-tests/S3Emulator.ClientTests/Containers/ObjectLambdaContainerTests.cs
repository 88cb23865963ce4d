using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ExampleTransforms;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;
using S3Emulator.Transforms;
using Testcontainers.S3Emulator;
using static S3Emulator.ClientTests.Containers.ObjectLambdaContainerSetup;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// Object Lambda across the container boundary, through one containerised emulator: transforms registered in the test
/// process with <c>WithObjectLambdaFunction</c> exactly as <c>AddObjectLambdaFunction</c> registers them in-process
/// (served over HTTP to the container, reaching it back through its published port), and the example transforms'
/// assembly mounted into the container as a plug-in. GET, HEAD and List through AWSSDK.S3 by ARN over HTTPS.
/// </summary>
public sealed class ObjectLambdaContainerTests
{
    private readonly ConcurrentDictionary<string, int> _readsOfOriginal = new();
    private DirectoryInfo? _plugIns;
    private S3EmulatorContainer? _emulator;
    private AmazonS3Client _s3 = null!;
    private AmazonS3Client _olap = null!;

    [OneTimeSetUp]
    public async Task StartTheContainerAsync()
    {
        await DockerRequirement.EnsureAsync();
        _plugIns = CreatePlugInFolder();
        _emulator = new S3EmulatorBuilder(DockerRequirement.Image)
            .WithHttps()
            .WithRoles(FunctionRole())
            .WithInitialBuckets(DataBucket)
            .WithAccessPoints(new AccessPointOptions { Name = SupportingName, Bucket = DataBucket })
            // Served from this process, as in-process: the same overloads, the same role parameter.
            .WithObjectLambdaFunction("tp-uppercase", new UppercaseTransform(), RoleArn)
            .WithObjectLambdaFunction("tp-reads-original", ReadOriginalAsync, RoleArn)
            .WithObjectLambdaFunction("tp-head-metadata", new HeadMetadataTransform(), RoleArn)
            .WithObjectLambdaFunction("tp-hide-keys", new HideKeysTransform(), RoleArn)
            .WithObjectLambdaFunction("tp-no-role", new UppercaseTransform())
            // Loaded in the container from the mounted folder; entries without a Url give them their role.
            .WithFunctionsPath(_plugIns.FullName)
            .WithFunctions(new FunctionOptions { Arn = "uppercase", Role = RoleArn }, new FunctionOptions { Arn = "redact-json", Role = RoleArn })
            .WithObjectLambdaAccessPoints(
                ObjectLambdaAccessPoint("c-upper", "tp-uppercase", ["GetObject"]),
                ObjectLambdaAccessPoint("c-original", "tp-reads-original", ["GetObject"]),
                ObjectLambdaAccessPoint("c-meta", "tp-head-metadata", ["HeadObject"], payload: """{"transformed":"across-the-boundary"}"""),
                ObjectLambdaAccessPoint("c-hide", "tp-hide-keys", ["ListObjects", "ListObjectsV2"], payload: """{"pattern":"/secret/"}"""),
                ObjectLambdaAccessPoint("c-no-role", "tp-no-role", ["GetObject"]),
                ObjectLambdaAccessPoint("c-plugin-upper", "uppercase", ["GetObject"]),
                ObjectLambdaAccessPoint("c-plugin-redact", "redact-json", ["GetObject"], payload: """{"field":"ssn"}"""))
            .Build();
        await _emulator.StartAsync();
        _s3 = _emulator.CreateS3Client();
        // Object Lambda: HTTPS and virtual-hosted (ARN buckets refuse path-style).
        _olap = _emulator.CreateS3Client(c => c.ForcePathStyle = false);
    }

    [OneTimeTearDown]
    public async Task RemoveTheContainerAsync()
    {
        _olap?.Dispose();
        _s3?.Dispose();
        if (_emulator is not null) await _emulator.DisposeAsync();
        _plugIns?.Delete(recursive: true);
    }

    // Answers with what inputS3Url gave it: the original as the caller may read it.
    private async Task ReadOriginalAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context)
    {
        _readsOfOriginal.AddOrUpdate(evt.UserRequest.Url, 1, (_, n) => n + 1);
        using var original = await context.Http.GetAsync(evt.GetInputS3Url(), context.CancellationToken);
        var text = await original.Content.ReadAsStringAsync(context.CancellationToken);
        await context.S3.WriteGetObjectResponseAsync(new WriteGetObjectResponseRequest
        {
            RequestRoute = evt.GetObjectContext!.OutputRoute,
            RequestToken = evt.GetObjectContext.OutputToken,
            Body = new MemoryStream(Encoding.UTF8.GetBytes($"{(int)original.StatusCode}: {text}")),
            ContentType = "text/plain",
        }, context.CancellationToken);
    }

    private static string NewKey(string prefix = "docs/") => $"{prefix}{Guid.NewGuid():N}.txt";

    private Task PutAsync(string key, string body, Action<PutObjectRequest>? configure = null)
    {
        var request = new PutObjectRequest { BucketName = DataBucket, Key = key, ContentBody = body };
        configure?.Invoke(request);
        return _s3.PutObjectAsync(request);
    }

    private async Task<string> GetThroughAsync(string olap, string key)
    {
        using var response = await _olap.GetObjectAsync(OlapArn(olap), key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    private static async Task<AmazonS3Exception> ExpectS3ErrorAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AmazonS3Exception exception)
        {
            return exception;
        }
        throw new AssertionException("The request succeeded; an S3 error was expected.");
    }

    [Test]
    public async Task GetObject_ThroughATransformInTheTestProcess_ReturnsTheTransformedObject()
    {
        var key = NewKey();
        await PutAsync(key, "served from the test process");

        Assert.That(await GetThroughAsync("c-upper", key), Is.EqualTo("SERVED FROM THE TEST PROCESS"));
    }

    [Test]
    public async Task GetObject_ThroughATransformThatReadsInputS3Url_SeesTheOriginalThroughThePublishedPort()
    {
        var key = NewKey();
        await PutAsync(key, "the original");

        Assert.That(await GetThroughAsync("c-original", key), Is.EqualTo("200: the original"));
    }

    [Test]
    public async Task GetObject_OfAnSseKmsObject_ReachesTheTestProcessTransformDecrypted()
    {
        using var kms = _emulator!.CreateKmsClient();
        var kmsKey = await kms.CreateKeyAsync(new CreateKeyRequest { Description = "object lambda across the boundary" });
        var key = NewKey();
        await PutAsync(key, "stored under sse-kms", r =>
        {
            r.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            r.ServerSideEncryptionKeyManagementServiceKeyId = kmsKey.KeyMetadata.Arn;
        });

        Assert.That(await GetThroughAsync("c-original", key), Is.EqualTo("200: stored under sse-kms"), "inputS3Url gave the function the plaintext");
        Assert.That(await GetThroughAsync("c-upper", key), Is.EqualTo("STORED UNDER SSE-KMS"));
    }

    [Test]
    public async Task GetObject_WithCustomerKeyHeaders_IsRefusedBeforeTheTestProcessTransformRuns()
    {
        var key = NewKey();
        await PutAsync(key, "plain object");

        var error = await ExpectS3ErrorAsync(() => _olap.GetObjectAsync(new GetObjectRequest
        {
            BucketName = OlapArn("c-original"),
            Key = key,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")), error.Message);
        Assert.That(_readsOfOriginal.Keys.Where(url => url.Contains(key, StringComparison.Ordinal)), Is.Empty, "the function was not invoked");
    }

    [Test]
    public async Task GetObject_ThroughATestProcessTransformWithoutARole_FailsAsInProcess_ForItsAnswerIsUnsigned()
    {
        var key = NewKey();
        await PutAsync(key, "needs a role to answer");

        var error = await ExpectS3ErrorAsync(() => GetThroughAsync("c-no-role", key));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), "the role's session is what lets the other functions answer");
    }

    [Test]
    public async Task HeadObject_ThroughATestProcessTransform_ReturnsItsHeaders()
    {
        var key = NewKey();
        await PutAsync(key, "head me");

        var head = await _olap.GetObjectMetadataAsync(OlapArn("c-meta"), key);

        Assert.That(head.Metadata["x-amz-meta-transformed"], Is.EqualTo("across-the-boundary"));
        Assert.That(head.ContentLength, Is.EqualTo("head me".Length));
    }

    [Test]
    public async Task ListObjectsV2_ThroughATestProcessTransform_HidesTheKeysItFilters()
    {
        var prefix = $"list-{Guid.NewGuid():N}/";
        await PutAsync(prefix + "visible.txt", "v");
        await PutAsync(prefix + "secret/hidden.txt", "h");

        var listed = await _olap.ListObjectsV2Async(new ListObjectsV2Request { BucketName = OlapArn("c-hide"), Prefix = prefix });

        Assert.That(listed.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { prefix + "visible.txt" }));
    }

    [Test]
    public async Task TheJournal_ShowsWhereEachFunctionRan_AndThatTheTestProcessFunctionAnsweredAsItsRole()
    {
        var key = NewKey();
        await PutAsync(key, "journaled");
        await GetThroughAsync("c-upper", key);
        await GetThroughAsync("c-plugin-upper", key);

        using var http = _emulator!.CreateHttpClient();
        var journal = await http.GetFromJsonAsync<List<JournalEntry>>("/_s3emulator/journal", new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var invocations = journal!.Where(e => e.Operation == "GetObject" && e.Key == key && e.Invocation is not null).Select(e => e.Invocation!).ToList();
        Assert.That(invocations.Select(i => (i.FunctionArn, i.HostKind)), Is.EquivalentTo(new (string, FunctionHostKind?)[]
        {
            ($"arn:aws:lambda:us-east-1:{Account}:function:tp-uppercase", FunctionHostKind.Http),
            ($"arn:aws:lambda:us-east-1:{Account}:function:uppercase", FunctionHostKind.PlugIn),
        }));
        Assert.That(journal!.Where(e => e.Operation == "WriteGetObjectResponse").Select(e => e.Principal),
            Has.Some.EqualTo($"arn:aws:sts::{Account}:assumed-role/olap-container-function/tp-uppercase"),
            "the test process's function signed its answer with the role session the emulator sent it");
    }

    [Test]
    public async Task GetObject_ThroughAPlugInMountedIntoTheContainer_ReturnsTheTransformedObject()
    {
        var key = NewKey();
        await PutAsync(key, "loaded from /functions");

        Assert.That(await GetThroughAsync("c-plugin-upper", key), Is.EqualTo("LOADED FROM /FUNCTIONS"));
    }

    [Test]
    public async Task GetObject_ThroughAPlugInWithAPayload_RedactsTheField()
    {
        var key = NewKey();
        await PutAsync(key, """{"name":"Ada","ssn":"123-45-6789"}""");

        var body = await GetThroughAsync("c-plugin-redact", key);

        Assert.That(body, Does.Contain("\"name\":\"Ada\"").And.Contain($"\"ssn\":\"{RedactJsonTransform.DefaultReplacement}\"").And.Not.Contain("123-45-6789"));
    }
}
