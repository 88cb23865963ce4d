using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// The permissions Object Lambda checks, as AWS documents them: <c>s3-object-lambda:GetObject</c> / <c>ListBucket</c> on
/// the Object Lambda access point (its policy may grant another account), <c>lambda:InvokeFunction</c>, the S3 action
/// through the supporting access point as called via S3 Object Lambda, the execution role's
/// <c>s3-object-lambda:WriteGetObjectResponse</c>, and an <c>inputS3Url</c> that works for its one object only.
/// </summary>
public sealed class ObjectLambdaPermissionTests(Transport transport) : ObjectLambdaSecurityTestBase(transport)
{
    private const string SharedBucket = "olap-shared";
    private const string SharedSupportingArn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/shared-ap";

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        base.ConfigureEmulator(options);
        options.InitialBuckets.Add(SharedBucket);
        options.AccessPoints.Add(new AccessPointOptions
        {
            Name = "shared-ap",
            Bucket = SharedBucket,
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{OtherAccountId}}:root"},"Action":"s3:GetObject","Resource":"{{SharedSupportingArn}}/object/*"}]}""",
        });
        AddOlap(options, "shared", "recording", ["GetObject"], supporting: SharedSupportingArn,
            policy: $$"""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:GetObject","Principal":{"AWS":"arn:aws:iam::{{OtherAccountId}}:root"},"Resource":"{{OlapArn("shared")}}"}]}""");
        AddOlap(options, "unshared", "recording", ["GetObject"], supporting: SharedSupportingArn);
        // A function whose resource policy lets the other account invoke it, as Lambda's AddPermission would.
        options.AddObjectLambdaFunction("uppercase-shared", new S3Emulator.ExampleTransforms.UppercaseTransform(), FunctionRoleArn);
        options.Functions[^1].Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{OtherAccountId}}:root"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:{{Account}}:function:uppercase-shared"}]}""";
        AddOlap(options, "shared-upper", "uppercase-shared", ["GetObject"], supporting: SharedSupportingArn,
            policy: $$"""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:GetObject","Principal":{"AWS":"arn:aws:iam::{{OtherAccountId}}:root"},"Resource":"{{OlapArn("shared-upper")}}"}]}""");
    }

    [OneTimeSetUp]
    public async Task ShareTheBucketWithTheOtherAccountAsync()
    {
        // The data bucket delegates to its account's access points, as AWS's Object Lambda guide sets it up: what a caller
        // may do through the supporting access point is then decided by the caller's policies on the access point.
        await SecureS3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = DataBucket,
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":["arn:aws:s3:::{{DataBucket}}","arn:aws:s3:::{{DataBucket}}/*"],"Condition":{"StringEquals":{"s3:DataAccessPointAccount":"{{Account}}"} } }]}""",
        });
        await SecureS3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = SharedBucket,
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{OtherAccountId}}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{SharedBucket}}/*"}]}""",
        });
    }

    [Test]
    public async Task GetAndHead_WithoutObjectLambdaGetObject_AreAccessDenied_NamingTheActionAndTheAccessPoint()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");
        using var client = OlapAs(NoOlapUser);

        var get = await ExpectS3ErrorAsync(() => client.GetObjectAsync(OlapArn("recording"), key));
        var head = await ExpectS3ErrorAsync(() => client.GetObjectMetadataAsync(OlapArn("recording"), key));

        Assert.That((get.StatusCode, get.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), get.Message);
        Assert.That(get.Message, Does.Contain(UserArn("no-olap")).And.Contain("s3-object-lambda:GetObject").And.Contain(OlapArn("recording")));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(RecordedFor(key), Is.Empty);
    }

    [Test]
    public async Task GetObject_WithoutLambdaInvokeFunction_IsLambdaPermissionError()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");
        using var client = OlapAs(NoInvokeUser);

        var error = await ExpectS3ErrorAsync(() => client.GetObjectAsync(OlapArn("recording"), key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "LambdaPermissionError")), error.Message);
        Assert.That(error.Message, Does.Contain("lambda:InvokeFunction").And.Contain(":function:recording"));
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation, Is.Null);
        Assert.That(RecordedFor(key), Is.Empty);
    }

    [Test]
    public async Task GetObject_WithS3AllowedOnlyAsCalledViaObjectLambda_Works_WhileTheSameCallDirectIsDenied()
    {
        var key = NewKey();
        await PutDataAsync(key, "only through object lambda");
        using var olap = OlapAs(CalledViaUser);
        using var direct = Emulator.CreateS3Client(CalledViaUser, c =>
        {
            c.ServiceURL = (Emulator.HttpsUrl ?? new Uri("https://localhost")).ToString();
            c.ForcePathStyle = false;
        });

        var body = await ReadAsync(await olap.GetObjectAsync(OlapArn("upper"), key));
        var denied = await ExpectS3ErrorAsync(() => direct.GetObjectAsync(SupportingArn, key));

        Assert.That(body, Is.EqualTo("ONLY THROUGH OBJECT LAMBDA"));
        Assert.That((denied.StatusCode, denied.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), denied.Message);
        Assert.That(denied.Message, Does.Contain("s3:GetObject"));
    }

    [Test]
    public async Task ListObjectsV2_WithS3AllowedOnlyAsCalledViaObjectLambda_Works()
    {
        var prefix = $"called-via-{Guid.NewGuid():N}/";
        await PutDataAsync(prefix + "visible.txt", "v");
        using var olap = OlapAs(CalledViaUser);

        var listing = await olap.ListObjectsV2Async(new ListObjectsV2Request { BucketName = OlapArn("hide"), Prefix = prefix });

        Assert.That(listing.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { prefix + "visible.txt" }));
    }

    [Test]
    public async Task GetObject_WithoutTheS3Permission_TheInputS3UrlIsDenied_AndTheCallerGetsThat403()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");
        using var client = OlapAs(NoS3User);

        var error = await ExpectS3ErrorAsync(() => client.GetObjectAsync(OlapArn("recording"), key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), error.Message);
        Assert.That(RecordedFor(key), Has.Count.EqualTo(1), "the function ran");
        Assert.That((await ObjectLambdaEntryAsync(key))?.Invocation?.WriteGetObjectResponseStatus, Is.EqualTo(403));
        var fetch = Emulator.Journal.Last(e => e.Operation == "GetObject" && e.Key == key && e.Invocation is null);
        Assert.That(fetch?.StatusCode, Is.EqualTo(403), "the inputS3Url fetch, as the caller");
        Assert.That(fetch!.Principal, Is.EqualTo(UserArn("no-s3")));
    }

    [Test]
    public async Task ListObjects_NeedsObjectLambdaListBucket()
    {
        var key = NewKey();
        await PutDataAsync(key, "get only");
        using var client = OlapAs(GetOnlyUser);

        var got = await ReadAsync(await client.GetObjectAsync(OlapArn("upper"), key));
        var list = await ExpectS3ErrorAsync(() => client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = OlapArn("hide") }));
        var listV1 = await ExpectS3ErrorAsync(() => client.ListObjectsAsync(new ListObjectsRequest { BucketName = OlapArn("hide") }));

        Assert.That(got, Is.EqualTo("GET ONLY"));
        Assert.That((list.StatusCode, list.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), list.Message);
        Assert.That(list.Message, Does.Contain("s3-object-lambda:ListBucket").And.Contain(OlapArn("hide")));
        Assert.That(listV1.Message, Does.Contain("s3-object-lambda:ListBucket"));
    }

    [Test]
    public async Task AnotherAccount_IsDeniedByTheAccessPoint_UnlessItsPolicyGrantsIt()
    {
        const string key = "shared.txt";
        await SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = SharedBucket, Key = key, ContentBody = "across accounts" });
        using var other = OlapAs(OtherAccountRoot);

        var denied = await ExpectS3ErrorAsync(() => other.GetObjectAsync(OlapArn("unshared"), key));
        var deniedHead = await ExpectS3ErrorAsync(() => other.GetObjectMetadataAsync(OlapArn("unshared"), key));
        // HEAD is not transformed here: granted by the Object Lambda access point's policy, it passes to the supporting
        // access point, whose policy and the bucket's grant the other account.
        var head = await other.GetObjectMetadataAsync(OlapArn("shared"), key);

        Assert.That((denied.StatusCode, denied.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), denied.Message);
        Assert.That(deniedHead.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(head.ContentLength, Is.EqualTo("across accounts".Length));
    }

    [Test]
    public async Task AnotherAccount_GrantedByTheAccessPoint_StillNeedsTheFunctionsPermission()
    {
        // Lambda decides a cross-account InvokeFunction on the function's resource policy: without one that names it, the
        // other account passes the access point's policy and stops at Lambda.
        const string key = "shared-get.txt";
        await SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = SharedBucket, Key = key, ContentBody = "across accounts" });
        using var other = OlapAs(OtherAccountRoot);

        var error = await ExpectS3ErrorAsync(() => other.GetObjectAsync(OlapArn("shared"), key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "LambdaPermissionError")), error.Message);
        Assert.That(RecordedFor(key), Is.Empty);
    }

    [Test]
    public async Task AnotherAccount_GrantedByTheAccessPointAndTheFunctionsPolicy_GetsTheTransformedObject()
    {
        const string key = "shared-upper.txt";
        await SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = SharedBucket, Key = key, ContentBody = "across accounts" });
        using var other = OlapAs(OtherAccountRoot);

        using var response = await other.GetObjectAsync(OlapArn("shared-upper"), key);
        using var reader = new StreamReader(response.ResponseStream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("ACROSS ACCOUNTS"));
        var invoke = Emulator.Journal.Last("GetObject")?.Decisions?.Single(d => d.Action == "lambda:InvokeFunction");
        Assert.That(invoke?.Decision.IsAllowed, Is.True);
    }

    [Test]
    public async Task GetObject_WhenTheExecutionRoleLacksWriteGetObjectResponse_TheAnswerIsDenied_AndTheCallerGets500()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(OlapArn("narrow"), key));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), error.Message);
        var denied = Emulator.Journal.Last("WriteGetObjectResponse");
        Assert.That((denied?.StatusCode, denied?.ErrorCode), Is.EqualTo(((int?)403, "AccessDenied")));
        Assert.That(denied!.Principal, Does.Contain(":assumed-role/olap-function-narrow/"));
        var decision = denied.Decision?.ToString();
        Assert.That(decision, Does.Contain("s3-object-lambda:WriteGetObjectResponse"));
        Assert.That(decision, Does.Contain("Deny").Or.Contain("no identity-based policy").IgnoreCase, "the decision explains itself");
    }

    [Test]
    public async Task InputS3Url_WorksForItsOwnObject_FromAnywhere()
    {
        var (url, _) = await InputS3UrlOfAsync();
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("the one object"));
    }

    [Test]
    public async Task InputS3Url_CannotReadAnotherKey()
    {
        var (url, key) = await InputS3UrlOfAsync();
        var otherKey = NewKey();
        await PutDataAsync(otherKey, "another object");
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(url.Replace(Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal),
            Uri.EscapeDataString(otherKey).Replace("%2F", "/", StringComparison.Ordinal), StringComparison.Ordinal));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await response.Content.ReadAsStringAsync());
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("HEAD")]
    public async Task InputS3Url_CannotBeUsedForAnotherOperation(string method)
    {
        var (url, key) = await InputS3UrlOfAsync();
        using var http = Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "PUT") request.Content = new StringContent("overwritten");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await GetTextAsync(DataBucket, key), Is.EqualTo("the one object"));
    }

    [Test]
    public async Task InputS3Url_WithAnAlteredToken_IsRefused()
    {
        var (url, _) = await InputS3UrlOfAsync();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        var token = query["X-Amz-Security-Token"]!;
        var middle = token.Length / 2;
        var forged = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(url.Replace(Uri.EscapeDataString(token), Uri.EscapeDataString(forged), StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(url, Does.Contain(Uri.EscapeDataString(token)), "the token was found to alter");
        Assert.That((int)response.StatusCode, Is.EqualTo(400).Or.EqualTo(403), body);
        Assert.That(body, Does.Contain("<Code>InvalidToken</Code>").Or.Contain("<Code>AccessDenied</Code>").Or.Contain("<Code>SignatureDoesNotMatch</Code>"));
    }

    // A GET through the recorder, whose event gives the inputS3Url minted for the caller and that one object.
    private async Task<(string Url, string Key)> InputS3UrlOfAsync()
    {
        var key = NewKey();
        await PutDataAsync(key, "the one object");
        Assert.That(await ReadAsync(await Olap.GetObjectAsync(OlapArn("recording"), key)), Is.EqualTo("the one object"));
        return (RecordedFor(key).Single().GetObjectContext!.InputS3Url, key);
    }
}
