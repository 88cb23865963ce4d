using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Functions;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// The rules Object Lambda applies to every request before any function runs — HTTPS only, no SSE-C on GET or HEAD —
/// and what the journal keeps of a transformed GET: the invocation, never a key or a body.
/// </summary>
public sealed class ObjectLambdaRequestRulesTests(Transport transport) : ObjectLambdaSecurityTestBase(transport)
{
    [Test]
    public async Task GetObject_OverPlainHttpByArn_IsInvalidRequest_AndInvokesNothing()
    {
        var key = NewKey();
        await PutDataAsync(key, "over http");
        using var plain = CreateOlapClient(Emulator.DefaultCredentials, https: false);

        var error = await ExpectS3ErrorAsync(() => plain.GetObjectAsync(OlapArn("recording"), key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")), error.Message);
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation, Is.Null);
        Assert.That(RecordedFor(key), Is.Empty, "the function never saw the request");
    }

    [Test]
    public async Task GetObject_OverPlainHttpByAlias_IsInvalidRequest_AndInvokesNothing()
    {
        var key = NewKey();
        await PutDataAsync(key, "over http");
        using var plain = Emulator.CreateS3Client(c => c.ServiceURL = (Emulator.HttpUrl ?? new Uri("http://localhost")).ToString());
        var alias = await AliasOfAsync("recording");

        var error = await ExpectS3ErrorAsync(() => plain.GetObjectAsync(alias, key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")), error.Message);
        Assert.That(RecordedFor(key), Is.Empty);
    }

    [Test]
    public async Task HeadAndList_OverPlainHttp_AreRefused_AndInvokeNothing()
    {
        var key = NewKey();
        await PutDataAsync(key, "over http");
        using var plain = CreateOlapClient(Emulator.DefaultCredentials, https: false);
        var recordedBefore = Recorded.Count;

        var head = await ExpectS3ErrorAsync(() => plain.GetObjectMetadataAsync(OlapArn("recording"), key));
        var list = await ExpectS3ErrorAsync(() => plain.ListObjectsV2Async(new ListObjectsV2Request { BucketName = OlapArn("recording") }));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((list.StatusCode, list.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")));
        Assert.That(Recorded, Has.Count.EqualTo(recordedBefore));
    }

    [Test]
    public async Task TheSameRequests_OverHttps_ReachTheFunction()
    {
        var key = NewKey();
        await PutDataAsync(key, "over https");

        var body = await ReadAsync(await Olap.GetObjectAsync(OlapArn("recording"), key));

        Assert.That(body, Is.EqualTo("over https"));
        Assert.That(RecordedFor(key), Has.Count.EqualTo(1), "the recorder sees what the refused requests would have shown it");
    }

    [Test]
    public async Task GetObject_WithCustomerKeyHeaders_IsRefusedBeforeAnyInvocation_AndTheKeyIsKeptNowhere()
    {
        var key = NewKey();
        await PutDataAsync(key, "plain object");
        var customerKey = RandomNumberGenerator.GetBytes(32);

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(new GetObjectRequest
        {
            BucketName = OlapArn("recording"),
            Key = key,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = Convert.ToBase64String(customerKey),
        }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")), error.Message);
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation, Is.Null);
        Assert.That(RecordedFor(key), Is.Empty, "no event was made");
        AssertKeptNowhere(customerKey);
    }

    [Test]
    public async Task HeadObject_WithCustomerKeyHeaders_IsRefusedBeforeAnyInvocation_AndTheKeyIsKeptNowhere()
    {
        var key = NewKey();
        await PutDataAsync(key, "plain object");
        var customerKey = RandomNumberGenerator.GetBytes(32);

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectMetadataAsync(new GetObjectMetadataRequest
        {
            BucketName = OlapArn("recording"),
            Key = key,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = Convert.ToBase64String(customerKey),
        }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Emulator.Journal.Last("HeadObject")?.Invocation, Is.Null);
        Assert.That(RecordedFor(key), Is.Empty);
        AssertKeptNowhere(customerKey);
    }

    [Test]
    public async Task GetObject_ByAliasWithCustomerKeyHeaders_IsRefusedBeforeAnyInvocation()
    {
        var key = NewKey();
        await PutDataAsync(key, "plain object");
        var customerKey = RandomNumberGenerator.GetBytes(32);
        var alias = await AliasOfAsync("recording");

        var error = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = alias,
            Key = key,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = Convert.ToBase64String(customerKey),
        }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")), error.Message);
        Assert.That(RecordedFor(key), Is.Empty);
        AssertKeptNowhere(customerKey);
    }

    [Test]
    public async Task GetObject_TheJournalRecordsTheInvocation_WithoutKeysOrBodies()
    {
        var key = NewKey();
        var body = $"journal body {Guid.NewGuid():N}";
        await PutDataAsync(key, body);

        Assert.That(await ReadAsync(await Olap.GetObjectAsync(OlapArn("recording"), key)), Is.EqualTo(body));

        var entry = await ObjectLambdaEntryAsync(key);
        var invocation = entry?.Invocation;
        Assert.That(invocation, Is.Not.Null);
        Assert.That(invocation!.FunctionArn, Is.EqualTo($"arn:aws:lambda:us-east-1:{Account}:function:recording"));
        Assert.That(invocation.HostKind, Is.EqualTo(FunctionHostKind.InProcess));
        Assert.That(invocation.Duration, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(invocation.Outcome, Is.EqualTo("Returned"));
        Assert.That(invocation.WriteGetObjectResponseStatus, Is.EqualTo(200));
        var evt = RecordedFor(key).Single().GetObjectContext!;
        var inputQuery = System.Web.HttpUtility.ParseQueryString(new Uri(evt.InputS3Url).Query);
        var journal = JournalJson();
        Assert.That(journal, Does.Contain(key), "the object's key is named, as S3's logs name it");
        Assert.That(journal, Does.Not.Contain(body).And.Not.Contain(body.ToUpperInvariant()));
        Assert.That(journal, Does.Not.Contain(Uri.EscapeDataString(body)));
        Assert.That(journal, Does.Not.Contain(Server.Hosting.S3CredentialOptions.DefaultSecretAccessKey));
        Assert.That(journal, Does.Not.Contain(evt.OutputToken), "the WriteGetObjectResponse token");
        Assert.That(journal, Does.Not.Contain(inputQuery["X-Amz-Security-Token"]!), "the inputS3Url's session token");
        Assert.That(journal, Does.Not.Contain(inputQuery["X-Amz-Signature"]!), "the inputS3Url's signature");
    }

    private void AssertKeptNowhere(byte[] customerKey)
    {
        var everything = EverythingRecorded();
        Assert.That(everything, Does.Not.Contain(Convert.ToBase64String(customerKey)), "the key, in the journal, a log line or an event");
        Assert.That(everything, Does.Not.Contain(Md5Of(customerKey)), "the key's MD5");
        Assert.That(everything, Does.Not.Contain(Convert.ToHexString(customerKey)).IgnoreCase);
    }
}
