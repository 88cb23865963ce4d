using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.ObjectLambda.Functions;

/// <summary>
/// Sends <c>/_s3emulator/functions</c> requests as a test process or a container's entry point would: a JSON body,
/// signed (when credentials are given) by AWSSDK.Core's own SigV4 signer with signing name <c>s3</c> and the body's hash.
/// </summary>
internal sealed class FunctionsAdminClient(ScenarioEmulator emulator) : IDisposable
{
    public const string Path = "/_s3emulator/functions";

    private readonly HttpClient _http = emulator.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    public Task<FunctionsAnswer> GetAsync() => SendAsync("GET", body: null, credentials: null);

    /// <summary>PUTs <paramref name="functions"/> (function ARN → URL) as JSON.</summary>
    public Task<FunctionsAnswer> PutAsync(IReadOnlyDictionary<string, string> functions, ImmutableCredentials? credentials) =>
        SendAsync("PUT", JsonSerializer.Serialize(functions), credentials);

    public async Task<FunctionsAnswer> SendAsync(string method, string? body, ImmutableCredentials? credentials, string? secretOverride = null)
    {
        var url = new Uri(emulator.ServiceUrl, Path);
        var content = Encoding.UTF8.GetBytes(body ?? "");
        using var message = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(content) };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (credentials is not null)
        {
            foreach (var (name, value) in Sign(method, url, content, credentials, secretOverride ?? credentials.SecretKey))
            {
                if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _http.SendAsync(message);
        return new FunctionsAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    // As S3ControlTestClient signs: service "s3", the real payload hash, the session token signed when there is one.
    private Dictionary<string, string> Sign(string method, Uri url, byte[] content, ImmutableCredentials credentials, string secret)
    {
        var request = new DefaultRequest(new ListBucketsRequest(), "AmazonS3")
        {
            HttpMethod = method,
            Endpoint = new Uri(url.GetLeftPart(UriPartial.Authority)),
            ResourcePath = url.AbsolutePath,
            AuthenticationRegion = emulator.Options.Region,
            OverrideSigningServiceName = "s3",
            Content = content,
        };
        request.Headers["Content-Type"] = "application/json";
        request.Headers["Content-Length"] = content.Length.ToString(CultureInfo.InvariantCulture);
        if (credentials.UseToken) request.Headers["x-amz-security-token"] = credentials.Token;
        var signed = new AWS4Signer(signPayload: true).SignRequest(request, new AmazonS3Config { ServiceURL = emulator.ServiceUrl.ToString() }, null,
            credentials.AccessKey, secret, DateTime.UtcNow);
        var headers = request.Headers
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                && !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        headers["Authorization"] = signed.ForAuthorizationHeader;
        return headers;
    }
}

/// <summary>An answer of the functions endpoint: status, media type and body.</summary>
internal sealed record FunctionsAnswer(HttpStatusCode Status, string? MediaType, string Body)
{
    /// <summary>The map a 200 answer holds.</summary>
    public Dictionary<string, string> Map()
    {
        Assert.That(Status, Is.EqualTo(HttpStatusCode.OK), Body);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(Body)!;
    }
}
