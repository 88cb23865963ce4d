using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ExampleTransforms;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using S3Emulator.Transforms;
using static S3Emulator.ClientTests.ObjectLambda.Functions.HttpFunctionSetup;

namespace S3Emulator.ClientTests.ObjectLambda.Functions;

/// <summary>
/// HTTP functions end to end: the test process serves the example transforms with <see cref="ObjectLambdaFunctionHost"/>,
/// signing with the session of the execution role it assumed on the emulator; the functions are registered in
/// configuration (<c>S3Emulator:Functions:N:Arn/Url/Role/TimeoutSeconds</c>) and at run time
/// (<c>PUT /_s3emulator/functions</c>). GET, HEAD and List through AWSSDK.S3 get the transformed answers, and each way a
/// function URL can fail is answered as <c>docs/object-lambda.md</c> says, never by a hang. The function host calls the
/// emulator back over a socket, so these run over loopback HTTPS only.
/// </summary>
public sealed class HttpFunctionTests(Transport transport) : EmulatorTestBase(transport)
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(10);

    // Known before the emulator starts: its configuration names the function URLs.
    private readonly int _hostPort = FreePort();
    private readonly int _refusingPort = FreePort();
    private RawFunctionEndpoint? _raw;
    private ObjectLambdaFunctionHost? _host;
    private AmazonS3Client _olap = null!;

    private string HostUrl(string name) => $"http://127.0.0.1:{_hostPort}/2015-03-31/functions/{name}/invocations";

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        _raw ??= new RawFunctionEndpoint();
        AddTo(options);
        Function("http-uppercase", HostUrl("uppercase"));
        Function("http-head-metadata", HostUrl("head-metadata"));
        Function("http-hide-keys", HostUrl("hide-keys"));
        Function("http-throws", HostUrl("throws"));
        Function("http-returns-a-string", HostUrl("returns-a-string"));
        Function("http-refused", $"http://127.0.0.1:{_refusingPort}/2015-03-31/functions/refused/invocations");
        Function("http-hangs", _raw.Url("/hangs/invocations"), timeoutSeconds: 2);
        Function("http-not-json", _raw.Url("/not-json/invocations"));

        AddObjectLambdaAccessPoint(options, "h-upper", "http-uppercase", ["GetObject"]);
        AddObjectLambdaAccessPoint(options, "h-meta", "http-head-metadata", ["HeadObject"], payload: """{"transformed":"over-http"}""");
        AddObjectLambdaAccessPoint(options, "h-hide", "http-hide-keys", ["ListObjects", "ListObjectsV2"], payload: "secret/");
        AddObjectLambdaAccessPoint(options, "h-runtime", FunctionArn("http-registered-at-run-time"), ["GetObject"]);
        AddObjectLambdaAccessPoint(options, "h-throws", "http-throws", ["GetObject"]);
        AddObjectLambdaAccessPoint(options, "h-refused", "http-refused", ["GetObject"]);
        AddObjectLambdaAccessPoint(options, "h-hangs", "http-hangs", ["GetObject"]);
        AddObjectLambdaAccessPoint(options, "h-not-json", "http-not-json", ["HeadObject"]);
        AddObjectLambdaAccessPoint(options, "h-string", "http-returns-a-string", ["HeadObject"]);

        void Function(string name, string url, int timeoutSeconds = 30) =>
            options.Functions.Add(new FunctionOptions { Arn = name, Url = url, Role = RoleArn, TimeoutSeconds = timeoutSeconds });
    }

    [OneTimeSetUp]
    public async Task StartFunctionHostAsync()
    {
        if (Transport != Transport.LoopbackHttps) return;
        _host = await StartHostAsync(Emulator, _hostPort);
        _host.Add("uppercase", new UppercaseTransform());
        _host.Add("head-metadata", new HeadMetadataTransform());
        _host.Add("hide-keys", new HideKeysTransform());
        _host.Add("registered-at-run-time", new UppercaseTransform());
        _host.Add("throws", ObjectLambdaTransform.FromDelegate((_, _) => throw new InvalidOperationException("the transform broke")));
        _host.Add("returns-a-string", ObjectLambdaTransform.FromDelegate((_, _) => Task.FromResult<object?>("a string, not the HEAD answer")));
        _olap = Emulator.CreateS3Client(c =>
        {
            c.ServiceURL = Emulator.HttpsUrl!.ToString();
            c.ForcePathStyle = false;
        });
    }

    [OneTimeTearDown]
    public async Task StopFunctionHostAsync()
    {
        _olap?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        if (_raw is not null) await _raw.DisposeAsync();
    }

    [SetUp]
    public void RequireLoopbackHttps()
    {
        if (Transport != Transport.LoopbackHttps)
        {
            Assert.Ignore("HTTP functions call the emulator back over a socket, and Object Lambda is HTTPS only: covered by the loopback HTTPS transport.");
        }
    }

    private static string NewKey() => $"docs/{Guid.NewGuid():N}.txt";

    private Task PutDataAsync(string key, string body) =>
        SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = DataBucket, Key = key, ContentBody = body });

    private static async Task<string> ReadAsync(GetObjectResponse response)
    {
        using (response)
        using (var reader = new StreamReader(response.ResponseStream))
        {
            return await reader.ReadToEndAsync();
        }
    }

    [Test]
    public async Task GetObject_ThroughAConfiguredHttpFunction_ReturnsTheTransformedObject()
    {
        var key = NewKey();
        await PutDataAsync(key, "served over http");

        var body = await ReadAsync(await _olap.GetObjectAsync(OlapArn("h-upper"), key));

        Assert.That(body, Is.EqualTo("SERVED OVER HTTP"));
        var invocation = Emulator.Journal.Last("GetObject")?.Invocation;
        Assert.That(invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
        Assert.That(invocation!.FunctionArn, Is.EqualTo(FunctionArn("http-uppercase")));
        Assert.That(invocation.WriteGetObjectResponseStatus, Is.EqualTo(200));
        var answer = Emulator.Journal.Last("WriteGetObjectResponse");
        Assert.That(answer?.Principal, Does.Contain($"assumed-role/{RoleName}/"), "the function signed its answer with the role's session");
    }

    [Test]
    public async Task HeadObject_ThroughAConfiguredHttpFunction_ReturnsItsHeaders()
    {
        var key = NewKey();
        await PutDataAsync(key, "twelve bytes");

        var head = await _olap.GetObjectMetadataAsync(OlapArn("h-meta"), key);

        Assert.That(head.Metadata["x-amz-meta-transformed"], Is.EqualTo("over-http"));
        Assert.That(head.ContentLength, Is.EqualTo(12));
        Assert.That(Emulator.Journal.Last("HeadObject")?.Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }

    [Test]
    public async Task ListObjects_ThroughAConfiguredHttpFunction_HideTheKeysItHides()
    {
        var prefix = $"list-{Guid.NewGuid():N}/";
        await PutDataAsync(prefix + "visible.txt", "v");
        await PutDataAsync("secret/" + prefix + "hidden.txt", "h");

        var v2 = await _olap.ListObjectsV2Async(new ListObjectsV2Request { BucketName = OlapArn("h-hide") });
        var v2Invocation = Emulator.Journal.Last("ListObjectsV2")?.Invocation;
        var v1 = await _olap.ListObjectsAsync(new ListObjectsRequest { BucketName = OlapArn("h-hide") });
        var v1Invocation = Emulator.Journal.Last("ListObjects")?.Invocation;

        Assert.That(v2.S3Objects.Select(o => o.Key), Does.Contain(prefix + "visible.txt"));
        Assert.That(v2.S3Objects.Where(o => o.Key.StartsWith("secret/", StringComparison.Ordinal)), Is.Empty);
        Assert.That(v1.S3Objects.Select(o => o.Key), Does.Contain(prefix + "visible.txt"));
        Assert.That(v1.S3Objects.Where(o => o.Key.StartsWith("secret/", StringComparison.Ordinal)), Is.Empty);
        Assert.That(v2Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
        Assert.That(v1Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }

    [Test]
    public async Task GetObject_ThroughAFunctionRegisteredAtRunTime_IsNotFoundBefore_AndTransformedAfter()
    {
        var key = NewKey();
        await PutDataAsync(key, "registered later");
        var arn = FunctionArn("http-registered-at-run-time");

        var before = await ExpectS3ErrorAsync(() => _olap.GetObjectAsync(OlapArn("h-runtime"), key));
        using var admin = new FunctionsAdminClient(Emulator);
        var map = (await admin.PutAsync(new Dictionary<string, string> { [arn] = _host!.UrlOf("registered-at-run-time").ToString() },
            Emulator.DefaultCredentials.GetCredentials())).Map();
        var body = await ReadAsync(await _olap.GetObjectAsync(OlapArn("h-runtime"), key));

        Assert.That(before.ErrorCode, Is.EqualTo("LambdaNotFound"));
        Assert.That(map[arn], Is.EqualTo(_host.UrlOf("registered-at-run-time").ToString()));
        Assert.That(map, Does.ContainKey(FunctionArn("http-uppercase")), "the configured HTTP functions stay");
        Assert.That(body, Is.EqualTo("REGISTERED LATER"));
        var invocation = Emulator.Journal.Last("GetObject")?.Invocation;
        Assert.That(invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
        Assert.That(invocation!.FunctionArn, Is.EqualTo(arn));
    }

    [Test]
    public async Task GetObject_WhenTheFunctionUrlRefusesConnections_IsLambdaInvocationFailed_AtOnce()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");
        var clock = Stopwatch.StartNew();

        var error = await ExpectS3ErrorAsync(() => _olap.GetObjectAsync(OlapArn("h-refused"), key));

        Assert.That(clock.Elapsed, Is.LessThan(NoHang));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.ErrorCode, Is.EqualTo("LambdaInvocationFailed"));
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }

    [Test]
    public async Task GetObject_WhenTheFunctionUrlNeverAnswers_IsLambdaTimeout_AfterTheFunctionsTimeout()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");
        var hungBefore = _raw!.Hung;
        var clock = Stopwatch.StartNew();

        var error = await ExpectS3ErrorAsync(() => _olap.GetObjectAsync(OlapArn("h-hangs"), key));

        Assert.That(_raw.Hung, Is.EqualTo(hungBefore + 1), "the function was reached and left the event unanswered");
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)).And.LessThan(NoHang), "TimeoutSeconds is 2");
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(error.ErrorCode, Is.EqualTo("LambdaTimeout"));
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }

    [Test]
    public async Task GetObject_WhenTheFunctionThrows_IsLambdaRuntimeError()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");

        var error = await ExpectS3ErrorAsync(() => _olap.GetObjectAsync(OlapArn("h-throws"), key));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(error.ErrorCode, Is.EqualTo("LambdaRuntimeError"));
        Assert.That(error.Message, Does.Not.Contain("the transform broke"), "the function's own message stays with the function");
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }

    [TestCase("h-not-json")]
    [TestCase("h-string")]
    public async Task HeadObject_WhenTheFunctionReturnsNoHeadAnswer_IsLambdaInvalidResponse(string olap)
    {
        var key = NewKey();
        await PutDataAsync(key, "x");
        var clock = Stopwatch.StartNew();

        var error = await ExpectS3ErrorAsync(() => _olap.GetObjectMetadataAsync(OlapArn(olap), key));

        Assert.That(clock.Elapsed, Is.LessThan(NoHang));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var entry = Emulator.Journal.Last("HeadObject");
        Assert.That(entry?.ErrorCode, Is.EqualTo("LambdaInvalidResponse"), "a HEAD answer has no body: the journal names the code");
        Assert.That(entry!.Invocation?.HostKind, Is.EqualTo(FunctionHostKind.Http));
    }
}
