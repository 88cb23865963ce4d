using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Functions;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>GET, HEAD and List through Object Lambda access points with AWSSDK.S3, by ARN and by alias: every outcome.</summary>
public sealed class ObjectLambdaDataPathTests(Transport transport) : ObjectLambdaTestBase(transport)
{
    private static string NewKey() => $"docs/{Guid.NewGuid():N}.txt";

    [Test]
    public async Task GetObject_ThroughObjectLambdaArn_ReturnsTheTransformedObject()
    {
        var key = NewKey();
        await PutDataAsync(key, "hello object lambda");

        var body = await ReadAsync(await Olap.GetObjectAsync(OlapArn("upper"), key));

        Assert.That(body, Is.EqualTo("HELLO OBJECT LAMBDA"));
        var entry = Emulator.Journal.Last("GetObject");
        Assert.That(entry?.Invocation, Is.Not.Null);
        Assert.That(entry!.Invocation!.HostKind, Is.EqualTo(FunctionHostKind.InProcess));
        Assert.That(entry.Invocation.WriteGetObjectResponseStatus, Is.EqualTo(200));
        Assert.That(entry.Invocation.FunctionArn, Does.EndWith(":function:uppercase"));
    }

    [TestCase("a/../b.txt")]
    [TestCase("./x/./y")]
    [TestCase("//double//slash")]
    [TestCase("spaces and+plus")]
    [TestCase("percent%2Fencoded")]
    [TestCase("ünïcødé/ключ")]
    public async Task GetObject_OfAnAwkwardKey_ReachesTheFunctionByteForByte(string key)
    {
        key = $"{Guid.NewGuid():N}/{key}";
        await PutDataAsync(key, "awkward");

        var body = await ReadAsync(await Olap.GetObjectAsync(OlapArn("upper"), key));

        Assert.That(body, Is.EqualTo("AWKWARD"));
    }

    [Test]
    public async Task GetObject_ThroughTheAwsObjectLambdaHost_ReturnsTheTransformedObject()
    {
        var key = NewKey();
        await PutDataAsync(key, "aws host");
        // No service URL: the SDK builds upper-123456789012.s3-object-lambda.us-east-1.amazonaws.com, which the fixture reaches.
        using var aws = Emulator.CreateS3Client(c =>
        {
            c.ServiceURL = null;
            c.RegionEndpoint = Amazon.RegionEndpoint.USEast1;
            c.ForcePathStyle = false;
        });

        var body = await ReadAsync(await aws.GetObjectAsync(OlapArn("upper"), key));

        Assert.That(body, Is.EqualTo("AWS HOST"));
    }

    [Test]
    public async Task GetObject_ThroughTheRedactingFunction_MasksTheField()
    {
        var key = NewKey();
        await PutDataAsync(key, """{"name":"Ada","ssn":"123-45-6789","nested":{"ssn":"987-65-4321"}}""");

        var body = await ReadAsync(await Olap.GetObjectAsync(OlapArn("redact"), key));

        Assert.That(body, Does.Not.Contain("123-45-6789").And.Not.Contain("987-65-4321"));
        Assert.That(body, Does.Contain("\"name\":\"Ada\""));
    }

    [Test]
    public async Task GetObject_ThroughTheGzipFunction_StreamsACompressedBody()
    {
        var key = NewKey();
        var text = string.Concat(Enumerable.Repeat("compress me please ", 50_000));
        await PutDataAsync(key, text);

        using var response = await Olap.GetObjectAsync(OlapArn("gzip"), key);
        Assert.That(response.Headers.ContentEncoding, Is.EqualTo("gzip"));
        using var gunzip = new System.IO.Compression.GZipStream(response.ResponseStream, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gunzip);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(text));
    }

    [Test]
    public async Task GetObject_WithPartNumberNotAllowed_IsNotImplemented()
    {
        var key = NewKey();
        await PutDataAsync(key, "parts");

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(new GetObjectRequest { BucketName = OlapArn("upper"), Key = key, PartNumber = 1 }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
    }

    [Test]
    public async Task HeadObject_WithPartNumberNotAllowed_IsNotImplemented()
    {
        var key = NewKey();
        await PutDataAsync(key, "0123456789");
        var request = new GetObjectMetadataRequest { BucketName = OlapArn("meta"), Key = key, PartNumber = 1 };

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectMetadataAsync(request));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
    }

    [Test]
    public async Task GetObject_ThroughObjectLambdaAlias_ReturnsTheTransformedObject()
    {
        var key = NewKey();
        await PutDataAsync(key, "alias path");
        var alias = await AliasOfAsync("upper");

        using var pathStyle = Emulator.CreateS3Client(c => c.ServiceURL = (Emulator.HttpsUrl ?? new Uri("https://localhost")).ToString());
        var body = await ReadAsync(await pathStyle.GetObjectAsync(alias, key));

        Assert.That(body, Is.EqualTo("ALIAS PATH"));
    }

    [Test]
    public async Task GetObject_ThroughPresignedObjectLambdaUrl_ReturnsTheTransformedObject()
    {
        var key = NewKey();
        await PutDataAsync(key, "presigned");
        var url = await Olap.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = OlapArn("upper"), Key = key, Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5),
        });
        Assert.That(url, Does.Contain("s3-object-lambda"), "the SDK signs presigned Object Lambda URLs as s3-object-lambda");

        using var http = Emulator.CreateHttpClient();
        var body = await http.GetStringAsync(new Uri(url));

        Assert.That(body, Is.EqualTo("PRESIGNED"));
    }

    [Test]
    public async Task GetObject_TheFunctionSeesTheCallersRequestWithoutItsCredentials()
    {
        var key = NewKey();
        await PutDataAsync(key, "ignored");

        var echoed = await ReadAsync(await Olap.GetObjectAsync(OlapArn("echo"), key));

        Assert.That(echoed, Does.Contain(key));
        Assert.That(echoed, Does.Not.Contain("Authorization").And.Not.Contain("X-Amz-Signature").And.Not.Contain("Security-Token"));
        Assert.That(echoed, Does.Contain($"identity: arn:aws:iam::{Account}:root"));
        Assert.That(echoed, Does.Contain("protocol: 1.00"));
    }

    [Test]
    public async Task GetObject_ForwardsTheFunctionsHeadersMetadataAndChecksum()
    {
        var key = NewKey();
        await PutDataAsync(key, "original");

        // ChecksumMode makes the SDK check the forwarded CRC32 against the body it receives.
        using var response = await Olap.GetObjectAsync(new GetObjectRequest { BucketName = OlapArn("decorated"), Key = key, ChecksumMode = ChecksumMode.ENABLED });
        using var reader = new StreamReader(response.ResponseStream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(DecoratedBody));
        Assert.That(response.ChecksumCRC32, Is.EqualTo(Crc32Of(System.Text.Encoding.UTF8.GetBytes(DecoratedBody))));
        Assert.That(response.Metadata["x-amz-meta-origin"], Is.EqualTo("object-lambda"));
        Assert.That(response.Headers.CacheControl, Is.EqualTo("no-store"));
        Assert.That(response.Headers.ContentType, Is.EqualTo("text/plain"));
    }

    [Test]
    public async Task GetObject_TheInputS3Url_AddressesTheSupportingAccessPointByAliasOnTheRequestsBaseDomainAndPort()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");

        var inputS3Url = new Uri(await ReadAsync(await Olap.GetObjectAsync(OlapArn("input-url"), key)));

        var expected = Emulator.HttpsUrl ?? new Uri("https://localhost");
        Assert.That((inputS3Url.Scheme, inputS3Url.Host, inputS3Url.Port), Is.EqualTo((expected.Scheme, expected.Host, expected.Port)));
        Assert.That(inputS3Url.AbsolutePath, Does.StartWith($"/{SupportingName}-").And.Contain("-s3alias/"));
        Assert.That(inputS3Url.Query, Does.Contain("X-Amz-Security-Token=").And.Contain("X-Amz-SignedHeaders=host"));
    }

    [Test]
    public async Task GetObject_WithRangeAllowed_PassesTheRangeToTheFunction()
    {
        var key = NewKey();
        await PutDataAsync(key, "0123456789");

        var echoed = await ReadAsync(await Olap.GetObjectAsync(new GetObjectRequest
        {
            BucketName = OlapArn("echo"), Key = key, ByteRange = new ByteRange(2, 5),
        }));

        Assert.That(echoed, Does.Contain("Range: bytes=2-5"));
    }

    [Test]
    public async Task GetObject_WithRangeNotAllowed_IsNotImplemented()
    {
        var key = NewKey();
        await PutDataAsync(key, "0123456789");

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(new GetObjectRequest
        {
            BucketName = OlapArn("echo-no-range"), Key = key, ByteRange = new ByteRange(2, 5),
        }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
        Assert.That(error.ErrorCode, Is.EqualTo("NotImplemented"));
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation, Is.Null, "refused before the function ran");
    }

    [Test]
    public async Task HeadObject_Transformed_ReturnsTheFunctionsHeaders()
    {
        var key = NewKey();
        await PutDataAsync(key, "twelve bytes");

        var head = await Olap.GetObjectMetadataAsync(OlapArn("meta"), key);

        Assert.That(head.Metadata["x-amz-meta-transformed"], Is.EqualTo("yes"));
        Assert.That(head.ContentLength, Is.EqualTo(12));
    }

    [Test]
    public async Task HeadObject_NotTransformed_PassesToTheSupportingAccessPoint()
    {
        var key = NewKey();
        await PutDataAsync(key, "plain head");

        var head = await Olap.GetObjectMetadataAsync(OlapArn("upper"), key);

        Assert.That(head.ContentLength, Is.EqualTo("plain head".Length));
        Assert.That(Emulator.Journal.Last("HeadObject")?.Invocation, Is.Null);
    }

    [Test]
    public async Task ListObjectsV2_Transformed_HidesTheKeysTheFunctionHides()
    {
        var prefix = $"list-{Guid.NewGuid():N}/";
        await PutDataAsync(prefix + "visible.txt", "v");
        await PutDataAsync("secret/" + prefix + "hidden.txt", "h");

        var listing = await Olap.ListObjectsV2Async(new ListObjectsV2Request { BucketName = OlapArn("hide") });

        var keys = listing.S3Objects.Select(o => o.Key).ToList();
        Assert.That(keys, Does.Contain(prefix + "visible.txt"));
        Assert.That(keys.Where(k => k.StartsWith("secret/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task ListObjects_Transformed_HidesTheKeysTheFunctionHides()
    {
        var prefix = $"list1-{Guid.NewGuid():N}/";
        await PutDataAsync(prefix + "visible.txt", "v");
        await PutDataAsync("secret/" + prefix + "hidden.txt", "h");

        var listing = await Olap.ListObjectsAsync(new ListObjectsRequest { BucketName = OlapArn("hide") });

        Assert.That(listing.S3Objects.Select(o => o.Key), Does.Contain(prefix + "visible.txt"));
        Assert.That(listing.S3Objects.Where(o => o.Key.StartsWith("secret/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task PutObject_ThroughObjectLambda_PassesUntransformedToTheSupportingAccessPoint()
    {
        var key = NewKey();

        await Olap.PutObjectAsync(new PutObjectRequest { BucketName = OlapArn("upper"), Key = key, ContentBody = "written through" });

        Assert.That(await GetTextAsync(DataBucket, key), Is.EqualTo("written through"));
    }

    [TestCase("quiet", "LambdaResponseNotReceived")]
    [TestCase("broken", "LambdaRuntimeError")]
    [TestCase("slow", "LambdaTimeout")]
    public async Task GetObject_WhenTheFunctionGivesNoAnswer_Fails500(string olap, string code)
    {
        var key = NewKey();
        await PutDataAsync(key, "x");

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(OlapArn(olap), key));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(error.ErrorCode, Is.EqualTo(code));
    }

    [Test]
    public async Task GetObject_WhenTheFunctionIsHostedNowhere_IsLambdaNotFound()
    {
        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(OlapArn("missing"), NewKey()));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(error.ErrorCode, Is.EqualTo("LambdaNotFound"));
    }

    [Test]
    public async Task GetObject_WhenTheFunctionForwardsAnError_TheCallerGetsThatError()
    {
        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(OlapArn("forbidding"), NewKey()));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(error.ErrorCode, Is.EqualTo("MissingRequiredToken"));
        Assert.That(error.Message, Is.EqualTo("The request needs a token."));
    }

    [Test]
    public async Task GetObject_WhenTheFunctionHasNoRole_ItsAnswerIsDeniedAndTheCallerGets500()
    {
        var key = NewKey();
        await PutDataAsync(key, "x");

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(OlapArn("no-role"), key));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var denied = Emulator.Journal.Last("WriteGetObjectResponse");
        Assert.That(denied?.StatusCode, Is.EqualTo(403));
        Assert.That(denied!.Principal, Is.Null, "the function had no credentials to sign with");
    }

    [Test]
    public async Task GetObject_OfAMissingObjectLambdaAccessPoint_IsNoSuchAccessPoint()
    {
        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(OlapArn("nothing-here"), NewKey()));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchAccessPoint"));
    }

    private async Task<string> AliasOfAsync(string olapName)
    {
        using var control = new AccessPoints.S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        var response = await control.SendAsync("GET", $"accesspointforobjectlambda/{olapName}");
        var alias = response.Value("Value");
        Assert.That(alias, Does.EndWith("--ol-s3"), response.Body?.ToString());
        return alias!;
    }
}
