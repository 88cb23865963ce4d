using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Services.Admin;
using S3Emulator.Server.Tests.Auth;
using S3Emulator.Server.Tests.Functions;

namespace S3Emulator.Server.Tests.Services.Admin;

/// <summary>
/// <c>/_s3emulator/functions</c> on its own, signed by AWSSDK.Core's signer as <c>alice</c> of account 123456789012
/// (<see cref="AuthTestKit.Credential"/>). The client tests run the same over every transport.
/// </summary>
public sealed class FunctionsEndpointTests
{
    private const string Target = "/_s3emulator/functions";
    private const string Ours = "arn:aws:lambda:us-east-1:123456789012:function:redact";
    private const string Theirs = "arn:aws:lambda:us-east-1:210987654321:function:redact";

    private FunctionRegistry _registry = null!;
    private FunctionsEndpoint _endpoint = null!;

    [SetUp]
    public void CreateEndpoint()
    {
        _registry = FunctionTestKit.Registry();
        var authenticator = new RequestAuthenticator(new CredentialStore([AuthTestKit.Credential]), new FakeTimeProvider(AuthTestKit.SignedAt), SdkSigner.Region);
        _endpoint = new FunctionsEndpoint(_registry, authenticator, NullLogger<FunctionsEndpoint>.Instance);
    }

    [Test]
    public async Task Put_SignedByAPrincipalOfTheFunctionsAccount_RegistersThem_AndAnswersTheWholeMap()
    {
        var (status, body) = await SendAsync(Signed($$"""{"{{Ours}}":"http://127.0.0.1:8123/redact"}"""));

        Assert.That(status, Is.EqualTo(200), body);
        Assert.That(JsonSerializer.Deserialize<Dictionary<string, string>>(body), Is.EqualTo(new Dictionary<string, string> { [Ours] = "http://127.0.0.1:8123/redact" }));
        Assert.That(_registry.TryResolve("redact", null, null, out var resolved), Is.True);
        Assert.That(resolved!.Function.Url, Is.EqualTo(new Uri("http://127.0.0.1:8123/redact")));
    }

    [Test]
    public async Task Get_AnswersTheMap_WithoutASignature()
    {
        await SendAsync(Signed($$"""{"{{Ours}}":"http://127.0.0.1:8123/redact"}"""));

        var (status, body) = await SendAsync(Unsigned("GET", ""));

        Assert.That((status, body), Is.EqualTo((200, $$"""{"{{Ours}}":"http://127.0.0.1:8123/redact"}""")));
    }

    [Test]
    public async Task Put_Unsigned_IsForbidden_AndRegistersNothing()
    {
        var (status, body) = await SendAsync(Unsigned("PUT", $$"""{"{{Ours}}":"http://127.0.0.1:8123/redact"}"""));

        Assert.That((status, body), Is.EqualTo((403, "AccessDenied: the request is not signed. Sign the request with SigV4 (service s3) as a principal of the functions' account.")));
        Assert.That(_registry.HttpFunctions(), Is.Empty);
    }

    [Test]
    public async Task Put_WithAWrongSecret_IsForbidden()
    {
        var (status, body) = await SendAsync(Signed($$"""{"{{Ours}}":"http://127.0.0.1:8123/redact"}""", secret: "wrongwrongwrongwrongwrongwrongwrongwrong"));

        Assert.That((status, body), Is.EqualTo((403, "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. "
            + "Check your key and signing method. Sign the request with SigV4 (service s3) as a principal of the functions' account.")));
        Assert.That(_registry.HttpFunctions(), Is.Empty);
    }

    [Test]
    public async Task Put_WhoseBodyChangedAfterSigning_IsForbidden()
    {
        var context = Signed($$"""{"{{Ours}}":"http://127.0.0.1:8123/redact"}""");
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"{{Ours}}":"http://evil.example:8123/redact"}"""));

        var (status, body) = await SendAsync(context);

        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.StartWith("SignatureDoesNotMatch"));
        Assert.That(_registry.HttpFunctions(), Is.Empty);
    }

    [Test]
    public async Task Put_SignedForAnotherService_IsForbidden()
    {
        var (status, body) = await SendAsync(Signed($$"""{"{{Ours}}":"http://127.0.0.1:8123/redact"}""", service: "s3-object-lambda"));

        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.StartWith("AuthorizationHeaderMalformed"));
    }

    [Test]
    public async Task Put_NamingAFunctionOfAnotherAccount_IsForbidden_AndRegistersNoneOfTheBody()
    {
        var (status, body) = await SendAsync(Signed($$"""{"{{Ours}}":"http://127.0.0.1:8123/a","{{Theirs}}":"http://127.0.0.1:8123/b"}"""));

        Assert.That((status, body), Is.EqualTo((403,
            $"AccessDenied: arn:aws:iam::123456789012:user/alice may register functions of account 123456789012 only, not {Theirs}.")));
        Assert.That(_registry.HttpFunctions(), Is.Empty);
    }

    [TestCase("not json")]
    [TestCase("""["a"]""")]
    [TestCase("""{"redact":"http://127.0.0.1:8123/redact"}""")]
    [TestCase("""{"123456789012:function:redact":"http://127.0.0.1:8123/redact"}""")]
    [TestCase("""{"arn:aws:lambda:us-east-1:123456789012:function:redact":"ftp://127.0.0.1/redact"}""")]
    [TestCase("""{"arn:aws:lambda:us-east-1:123456789012:function:redact":"/relative"}""")]
    [TestCase("""{"arn:aws:lambda:us-east-1:123456789012:function:redact":42}""")]
    public async Task Put_ABodyThatIsNotAMapOfFunctionArnsToHttpUrls_IsABadRequest(string json)
    {
        var (status, body) = await SendAsync(Signed(json));

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body, Does.EndWith("The body must be a JSON object of function ARNs (arn:aws:lambda:{region}:{account}:function:{name}) to http(s) URLs."));
        Assert.That(_registry.HttpFunctions(), Is.Empty);
    }

    [Test]
    public async Task Delete_IsNotAllowed() => Assert.That((await SendAsync(Unsigned("DELETE", ""))).Status, Is.EqualTo(405));

    private static DefaultHttpContext Signed(string json, string secret = SdkSigner.Secret, string service = "s3")
    {
        var request = SdkSigner.NewRequest("PUT", "_s3emulator", "functions", Encoding.UTF8.GetBytes(json));
        SdkSigner.Sign(request, AuthTestKit.SignedAt, secret, service);
        return SdkSigner.ToHttpContext(request);
    }

    private static DefaultHttpContext Unsigned(string method, string json)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = Target;
        return context;
    }

    private async Task<(int Status, string Body)> SendAsync(DefaultHttpContext context)
    {
        Assert.That(context.Features.Get<IHttpRequestFeature>()!.RawTarget, Is.EqualTo(Target));
        using var response = new MemoryStream();
        context.Response.Body = response;

        await _endpoint.ServeAsync(new ServiceExchange(context, ServiceKind.Admin, Target, "request-1"));

        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }
}
