using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using S3Emulator.Transforms;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// WriteGetObjectResponse given what S3 refuses — an unknown route, a wrong or reused token, a status or error code S3
/// does not take, a header it does not forward, too much metadata — answers S3's error, and the caller waiting for the
/// answer is never left hanging: it gets the function's failure as soon as the function ends.
/// </summary>
public sealed class WriteGetObjectResponseBadInputTests(Transport transport) : ObjectLambdaSecurityTestBase(transport)
{
    // Far below the held function's timeout and the tests' patience: a hang shows as a TimeoutException.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<S3ObjectLambdaEvent>> _arrived = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _released = new();
    private readonly ConcurrentDictionary<string, AmazonS3Exception?> _secondAnswers = new();
    private WriteGetObjectResponseRawClient _raw = null!;

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        base.ConfigureEmulator(options);
        options.AddObjectLambdaFunction("held", HoldAsync, FunctionRoleArn, timeoutSeconds: 30);
        options.AddObjectLambdaFunction("answers-twice", AnswerTwiceAsync, FunctionRoleArn);
        AddOlap(options, "held", "held", ["GetObject"]);
        AddOlap(options, "twice", "answers-twice", ["GetObject"]);
    }

    [OneTimeSetUp]
    public void CreateRawClient() => _raw = new WriteGetObjectResponseRawClient(Emulator, Emulator.DefaultCredentials.GetCredentials());

    [OneTimeTearDown]
    public void DisposeRawClient() => _raw?.Dispose();

    [Test]
    public async Task UnknownRoute_ThroughTheSdk_IsInvalidRequest()
    {
        var error = await ExpectS3ErrorAsync(() => Olap.WriteGetObjectResponseAsync(new WriteGetObjectResponseRequest
        {
            RequestRoute = "io-emu-madeuproute", RequestToken = "made-up-token", Body = new MemoryStream("x"u8.ToArray()),
        }).WaitAsync(Patience));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")), error.Message);
    }

    [Test]
    public async Task UnknownRoute_Raw_IsS3sInvalidRequestError()
    {
        var answer = await _raw.SendAsync("io-emu-nosuchroute0000000000", "token").WaitAsync(Patience);

        AssertError(answer, HttpStatusCode.BadRequest, "InvalidRequest");
    }

    [Test]
    public async Task WrongToken_IsInvalidRequest_AndLeavesTheRouteToItsFunction()
    {
        await WithHeldCallerAsync(async (evt, caller) =>
        {
            var output = evt.GetObjectContext!;

            AssertError(await _raw.SendAsync(output.OutputRoute, output.OutputToken + "x"), HttpStatusCode.BadRequest, "InvalidRequest");
            // Another first character: a token that already began with the one put there was the right token (1 run in 64).
            var otherFirst = output.OutputToken[0] == 'A' ? "B" : "A";
            AssertError(await _raw.SendAsync(output.OutputRoute, otherFirst + output.OutputToken[1..]), HttpStatusCode.BadRequest, "InvalidRequest");
            var right = await _raw.SendAsync(output.OutputRoute, output.OutputToken, body: "the right answer");

            Assert.That(right.Status, Is.EqualTo(HttpStatusCode.OK), right.Body);
            Assert.That(await ReadAsync(await caller.WaitAsync(Patience)), Is.EqualTo("the right answer"));
        });
    }

    [Test]
    public async Task ReusedToken_Raw_IsInvalidRequest()
    {
        await WithHeldCallerAsync(async (evt, caller) =>
        {
            var output = evt.GetObjectContext!;
            var first = await _raw.SendAsync(output.OutputRoute, output.OutputToken, body: "first");
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Body);
            Assert.That(await ReadAsync(await caller.WaitAsync(Patience)), Is.EqualTo("first"));

            AssertError(await _raw.SendAsync(output.OutputRoute, output.OutputToken, body: "second"), HttpStatusCode.BadRequest, "InvalidRequest");
        });
    }

    [Test]
    public async Task ReusedToken_ByAFunctionAnsweringTwice_IsRefusedTheSecondTime()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");

        var body = await ReadAsync(await Olap.GetObjectAsync(OlapArn("twice"), key).WaitAsync(Patience));

        Assert.That(body, Is.EqualTo("first answer"));
        var second = await WaitForSecondAnswerAsync(key);
        Assert.That((second?.StatusCode, second?.ErrorCode), Is.EqualTo(((HttpStatusCode?)HttpStatusCode.BadRequest, "InvalidRequest")), second?.Message);
    }

    [TestCase("x-amz-fwd-status", "999", "InvalidArgument")]
    [TestCase("x-amz-fwd-status", "abc", "InvalidArgument")]
    [TestCase("x-amz-fwd-header-X-Not-Forwardable", "value", "InvalidArgument")]
    [TestCase("x-amz-fwd-header-Authorization", "AWS4-HMAC-SHA256 forged", "InvalidArgument")]
    [TestCase("x-amz-meta-big", null, "MetadataTooLarge")]
    public async Task BadHeader_IsS3sError_AndTheCallerGetsTheFunctionsFailureWhenItEnds(string header, string? value, string code)
    {
        var headers = new Dictionary<string, string> { [header] = value ?? new string('m', 2100) };
        await ExpectRefusedThenCallerFailsAsync(headers, body: "", code);
    }

    [Test]
    public async Task ErrorCode_ThatIsNotS3Shaped_IsInvalidArgument()
    {
        await ExpectRefusedThenCallerFailsAsync(
            new Dictionary<string, string> { ["x-amz-fwd-status"] = "400", ["x-amz-fwd-error-code"] = "bad code" }, body: "", "InvalidArgument");
    }

    [Test]
    public async Task ErrorCode_WithASuccessStatus_IsInvalidArgument()
    {
        await ExpectRefusedThenCallerFailsAsync(
            new Dictionary<string, string> { ["x-amz-fwd-status"] = "200", ["x-amz-fwd-error-code"] = "NotAnError" }, body: "", "InvalidArgument");
    }

    [Test]
    public async Task ErrorCode_WithABody_IsInvalidArgument()
    {
        await ExpectRefusedThenCallerFailsAsync(
            new Dictionary<string, string> { ["x-amz-fwd-status"] = "404", ["x-amz-fwd-error-code"] = "NoSuchKey" }, body: "a body too", "InvalidArgument");
    }

    [Test]
    public async Task MetadataOfExactly2KB_IsAccepted()
    {
        await WithHeldCallerAsync(async (evt, caller) =>
        {
            var output = evt.GetObjectContext!;
            // S3 counts the name after x-amz-meta- and the value: 4 + 2044 = 2048 bytes.
            var answer = await _raw.SendAsync(output.OutputRoute, output.OutputToken,
                new Dictionary<string, string> { ["x-amz-meta-full"] = new string('m', 2044) }, "ok");

            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
            using var response = await caller.WaitAsync(Patience);
            Assert.That(response.Metadata["x-amz-meta-full"], Has.Length.EqualTo(2044));
        });
    }

    // Holds a GET at its function, refuses the WriteGetObjectResponse with `headers`, releases the function, and sees the
    // caller fail promptly with the Lambda error AWS gives a function that ended without answering.
    private async Task ExpectRefusedThenCallerFailsAsync(Dictionary<string, string> headers, string body, string code)
    {
        await WithHeldCallerAsync(async (evt, caller) =>
        {
            var output = evt.GetObjectContext!;
            AssertError(await _raw.SendAsync(output.OutputRoute, output.OutputToken, headers, body), HttpStatusCode.BadRequest, code);
            Assert.That(caller.IsCompleted, Is.False, "a refused answer does not answer the caller");
        }, thenRelease: true);
    }

    private async Task WithHeldCallerAsync(Func<S3ObjectLambdaEvent, Task<GetObjectResponse>, Task> test, bool thenRelease = false)
    {
        var key = NewKey();
        await PutDataAsync(key, "held");
        var id = IdOf(key);
        var caller = Olap.GetObjectAsync(OlapArn("held"), key);
        try
        {
            var evt = await Arrived(id).Task.WaitAsync(Patience);
            await test(evt, caller);
            if (!thenRelease) return;
            Released(id).TrySetResult();
            var error = await ExpectS3ErrorAsync(() => caller.WaitAsync(Patience));
            Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.InternalServerError, "LambdaResponseNotReceived")), error.Message);
        }
        finally
        {
            Released(id).TrySetResult();
        }
    }

    private static void AssertError(RawAnswer answer, HttpStatusCode status, string code)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
        Assert.That(answer.MediaType, Is.EqualTo("application/xml"));
        Assert.That(answer.ErrorCode, Is.EqualTo(code), answer.Body);
    }

    // The held function: tells the test its event arrived, then waits for the test to let it end (without answering).
    private async Task HoldAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context)
    {
        var id = IdOfUrl(evt.UserRequest.Url);
        Arrived(id).TrySetResult(evt);
        await Released(id).Task.WaitAsync(context.CancellationToken);
    }

    private async Task AnswerTwiceAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context)
    {
        WriteGetObjectResponseRequest Answer(string body) => new()
        {
            RequestRoute = evt.GetObjectContext!.OutputRoute,
            RequestToken = evt.GetObjectContext.OutputToken,
            Body = new MemoryStream(Encoding.UTF8.GetBytes(body)),
        };
        await context.S3.WriteGetObjectResponseAsync(Answer("first answer"), context.CancellationToken);
        AmazonS3Exception? refused = null;
        try
        {
            await context.S3.WriteGetObjectResponseAsync(Answer("second answer"), context.CancellationToken);
        }
        catch (AmazonS3Exception exception)
        {
            refused = exception;
        }
        _secondAnswers[IdOfUrl(evt.UserRequest.Url)] = refused;
    }

    private async Task<AmazonS3Exception?> WaitForSecondAnswerAsync(string key)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_secondAnswers.TryGetValue(IdOf(key), out var answer)) return answer;
            await Task.Delay(20);
        }
        Assert.Fail("The function never tried its second answer.");
        return null;
    }

    private TaskCompletionSource<S3ObjectLambdaEvent> Arrived(string id) =>
        _arrived.GetOrAdd(id, _ => new TaskCompletionSource<S3ObjectLambdaEvent>(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource Released(string id) =>
        _released.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static string IdOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    private static string IdOfUrl(string url) => IdOf(new Uri(url).AbsolutePath);
}
