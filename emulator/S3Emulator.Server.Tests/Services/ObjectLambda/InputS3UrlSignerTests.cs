using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Services.ObjectLambda;
using S3Emulator.Server.Services.S3.Routing;
using S3Emulator.Server.Tests.Auth;

namespace S3Emulator.Server.Tests.Services.ObjectLambda;

/// <summary>
/// The presigned <c>inputS3Url</c>: the emulator's own verifier accepts it, it names the key byte for byte, and the
/// function's HTTP client (<see cref="Uri"/>, which <see cref="HttpClient"/> sends) sends its path unchanged.
/// </summary>
public sealed class InputS3UrlSignerTests
{
    private const string Account = "123456789012";
    private const string Alias = "support-ap-abcdefghijklmnopqrstuvwxyz012345678-s3alias";
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Uri PublicUrl = new("https://localhost:9443");

    private static readonly string[] KeysWithoutDotSegments =
    [
        "plain.txt", "dir/a b.txt", "a+b", "100%", "100%25", "ünï ☃/日本", "//x", "x/", "~tilde*'()!", "...", "a/.../b", ".hidden/..x",
        "q?a=b&c#frag", "semi;colon:at@", "%2F", "%2E%2E", "tab\there",
    ];

    // Encoded as %2E, which RFC 3986 clients without normalisation (curl, urllib3) send as is. .NET's Uri (and WHATWG
    // URL) decode %2E and remove the segment anyway, so a .NET function must build the Uri without canonicalisation.
    private static readonly string[] DotSegmentKeys = ["a/../b", ".", "..", "a/./b", "../x", "a/.."];

    private static readonly string[] Keys = [.. KeysWithoutDotSegments, .. DotSegmentKeys];

    private readonly SessionTokenSealer _sealer = new(MasterKey.FromBytes(Enumerable.Repeat((byte)5, 32).ToArray()));

    private (string AccessKeyId, string SecretAccessKey, string SessionToken) Mint(string resource)
    {
        var minted = new ForwardedCredentials(_sealer, new FakeTimeProvider(Now))
            .Mint(CallerIdentity.ForRoot(Account), "s3-object-lambda.amazonaws.com", resource, InputS3UrlSigner.Lifetime);
        return (minted.AccessKeyId, minted.SecretAccessKey, minted.SessionToken);
    }

    private string Presign(string? key, string method = "GET", IEnumerable<KeyValuePair<string, string>>? query = null) =>
        InputS3UrlSigner.Presign(PublicUrl, Alias, key, query ?? [], Mint("arn:aws:s3:us-east-1:123456789012:accesspoint/support-ap/object/k"),
            method, SdkSigner.Region, Now);

    private static string RawTarget(string url) => url[url.IndexOf('/', "https://".Length)..];

    /// <summary>The request the function's client would send for <paramref name="url"/>, as Kestrel hands it over.</summary>
    private static DefaultHttpContext RequestFor(string url, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Headers.Host = "localhost:9443";
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = RawTarget(url);
        return context;
    }

    private S3Principal? Authenticate(DefaultHttpContext context, DateTimeOffset? at = null)
    {
        var clock = new FakeTimeProvider(at ?? Now);
        var authenticator = new RequestAuthenticator(new CredentialStore([]), clock, SdkSigner.Region,
            sessions: new SessionTokenVerification(_sealer, clock), directory: PrincipalDirectory.Empty);
        return authenticator.Authenticate(context, context.Features.Get<IHttpRequestFeature>()!.RawTarget);
    }

    [TestCaseSource(nameof(Keys))]
    public void Url_ForAnyKey_VerifiesAsTheForwardedCaller(string key)
    {
        var principal = Authenticate(RequestFor(Presign(key)));

        Assert.That(principal, Is.Not.Null);
        Assert.That(principal!.Arn, Is.EqualTo("arn:aws:iam::123456789012:root"));
        Assert.That(principal.Forwarded?.CalledVia, Is.EqualTo("s3-object-lambda.amazonaws.com"));
    }

    [TestCaseSource(nameof(Keys))]
    public void Url_ForAnyKey_NamesTheSupportingAliasAndExactlyThatKey(string key)
    {
        var url = Presign(key);

        var request = new S3RequestClassifier(["localhost"]).Classify("GET", "localhost:9443", RawTarget(url), hasCopySource: false);

        Assert.That(request.Bucket, Is.EqualTo(Alias));
        Assert.That(request.Key, Is.EqualTo(key));
        Assert.That(request.Operation, Is.EqualTo(S3Operation.GetObject));
    }

    [TestCaseSource(nameof(KeysWithoutDotSegments))]
    public void Url_ForAKeyWithoutDotSegments_IsSentByUriAndHttpClientExactlyAsSigned(string key)
    {
        var url = Presign(key);

        var uri = new Uri(url);

        Assert.That(uri.PathAndQuery, Is.EqualTo(RawTarget(url)));
        Assert.That(uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped), Is.EqualTo(RawTarget(url)));
        Assert.That(new HttpRequestMessage(HttpMethod.Get, url).RequestUri!.PathAndQuery, Is.EqualTo(RawTarget(url)));
        Assert.That(uri.Authority, Is.EqualTo("localhost:9443"));
    }

    [TestCaseSource(nameof(DotSegmentKeys))]
    public void Url_ForAKeyWithDotSegments_KeepsThemPercentEncoded_AndIsSentUnchangedByAUriWithoutCanonicalisation(string key)
    {
        var url = Presign(key);

        var uri = new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        Assert.That(RawTarget(url).Split('?')[0].Split('/'), Has.None.EqualTo(".").And.None.EqualTo(".."));
        Assert.That(uri.PathAndQuery, Is.EqualTo(RawTarget(url)));
    }

    [Test]
    public void Url_ForAListing_CarriesTheCallersQuery_AndSendsItUnchanged()
    {
        var url = Presign(null, query: [KeyValuePair.Create("list-type", "2"), KeyValuePair.Create("prefix", "a b+c/ü&="),
            KeyValuePair.Create("delimiter", "/")]);

        var request = new S3RequestClassifier(["localhost"]).Classify("GET", "localhost:9443", RawTarget(url), hasCopySource: false);

        Assert.That(Authenticate(RequestFor(url)), Is.Not.Null);
        Assert.That(request.Operation, Is.EqualTo(S3Operation.ListObjectsV2));
        Assert.That(request.Query.Get("prefix"), Is.EqualTo("a b+c/ü&="));
        Assert.That(new Uri(url).PathAndQuery, Is.EqualTo(RawTarget(url)));
    }

    [Test]
    public void Url_CarriesTheSessionToken_AndSignsOnlyHost()
    {
        var url = Presign("k");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);

        Assert.That(query["X-Amz-Security-Token"], Is.Not.Empty);
        Assert.That(_sealer.TryOpen(query["X-Amz-Security-Token"], out var claims), Is.True);
        Assert.That(query["X-Amz-Credential"], Is.EqualTo($"{claims!.AccessKeyId}/20260102/us-east-1/s3/aws4_request"));
        Assert.That(query["X-Amz-SignedHeaders"], Is.EqualTo("host"));
        Assert.That(query["X-Amz-Algorithm"], Is.EqualTo("AWS4-HMAC-SHA256"));
        Assert.That(query["X-Amz-Date"], Is.EqualTo("20260102T030405Z"));
        Assert.That(query["X-Amz-Expires"], Is.EqualTo(((int)InputS3UrlSigner.Lifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(url, Does.StartWith("https://localhost:9443/" + Alias + "/k?"));
    }

    [Test]
    public void Url_OnTheDefaultPort_NamesNoPort_AndVerifiesWithTheBareHost()
    {
        var url = InputS3UrlSigner.Presign(new Uri("https://emulator.test"), Alias, "k", [], Mint("r"), "GET", SdkSigner.Region, Now);
        var context = RequestFor(url);
        context.Request.Headers.Host = "emulator.test";

        Assert.That(url, Does.StartWith("https://emulator.test/"));
        Assert.That(Authenticate(context), Is.Not.Null);
    }

    [Test]
    public void HeadUrl_VerifiesForHead_AndNotForGet()
    {
        var url = Presign("k", method: "HEAD");

        Assert.That(Authenticate(RequestFor(url, "HEAD")), Is.Not.Null);
        Assert.That(AuthTestKit.Fails(() => Authenticate(RequestFor(url, "GET"))).Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public void GetUrl_DoesNotVerifyForHead() =>
        Assert.That(AuthTestKit.Fails(() => Authenticate(RequestFor(Presign("k"), "HEAD"))).Error.Code, Is.EqualTo("SignatureDoesNotMatch"));

    [Test]
    public void Url_ForAnotherKey_DoesNotVerify()
    {
        var url = Presign("k").Replace("/k?", "/other?", StringComparison.Ordinal);

        Assert.That(AuthTestKit.Fails(() => Authenticate(RequestFor(url))).Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public void Url_AfterItsLifetime_HasExpired()
    {
        var url = Presign("k");

        var error = AuthTestKit.Fails(() => Authenticate(RequestFor(url), Now + InputS3UrlSigner.Lifetime + TimeSpan.FromSeconds(1)));

        Assert.That(error.Error.Code, Is.AnyOf("AccessDenied", "ExpiredToken"));
    }
}
