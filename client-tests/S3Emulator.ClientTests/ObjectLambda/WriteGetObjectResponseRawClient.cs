using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// Sends <c>POST /WriteGetObjectResponse</c> with any headers at all — including ones the SDK would never send — signed
/// by AWSSDK.Core's own SigV4 signer as the SDK signs it (service <c>s3-object-lambda</c>, host <c>{route}.{host}</c>).
/// </summary>
internal sealed class WriteGetObjectResponseRawClient(S3EmulatorServer emulator, ImmutableCredentials credentials) : IDisposable
{
    private readonly HttpClient _http = emulator.CreateHttpClient();
    private readonly Uri _endpoint = emulator.HttpsUrl ?? new Uri("https://localhost");

    public void Dispose() => _http.Dispose();

    /// <summary>Sends one WriteGetObjectResponse for <paramref name="route"/> with <paramref name="headers"/> and <paramref name="body"/>.</summary>
    public async Task<RawAnswer> SendAsync(string route, string token, IReadOnlyDictionary<string, string>? headers = null, string body = "")
    {
        var url = new UriBuilder(_endpoint) { Host = $"{route}.{_endpoint.Host}", Path = "/WriteGetObjectResponse" }.Uri;
        var content = System.Text.Encoding.UTF8.GetBytes(body);
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-amz-request-route"] = route,
            ["x-amz-request-token"] = token,
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) all[name] = value;
        Sign(url, content, all);
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(content) };
        foreach (var (name, value) in all)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _http.SendAsync(message);
        return new RawAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private void Sign(Uri url, byte[] content, Dictionary<string, string> headers)
    {
        var request = new DefaultRequest(new WriteGetObjectResponseRequest(), "AmazonS3")
        {
            HttpMethod = "POST",
            Endpoint = new Uri(url.GetLeftPart(UriPartial.Authority)),
            ResourcePath = url.AbsolutePath,
            AuthenticationRegion = emulator.Options.Region,
            OverrideSigningServiceName = "s3-object-lambda",
            Content = content,
        };
        foreach (var (name, value) in headers) request.Headers[name] = value;
        request.Headers["Content-Length"] = content.Length.ToString(CultureInfo.InvariantCulture);
        var signed = new AWS4Signer(signPayload: true).SignRequest(request, new AmazonS3Config { ServiceURL = _endpoint.ToString() }, null,
            credentials.AccessKey, credentials.SecretKey, DateTime.UtcNow);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            headers[name] = value;
        }
        headers["Authorization"] = signed.ForAuthorizationHeader;
    }
}

/// <summary>An answer to a raw request: status, media type and body (S3's error XML when it failed).</summary>
internal sealed record RawAnswer(HttpStatusCode Status, string? MediaType, string Body)
{
    /// <summary>The <c>Code</c> of S3's <c>Error</c> document, asserting that the body is one.</summary>
    public string? ErrorCode
    {
        get
        {
            var root = XElement.Parse(Body);
            Assert.That(root.Name.LocalName, Is.EqualTo("Error"), Body);
            Assert.That(root.Element("RequestId")?.Value, Is.Not.Empty, "S3's error names its request");
            return root.Element("Code")?.Value;
        }
    }
}
