using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Testing;

namespace S3Emulator.Bench;

/// <summary>
/// <c>PUT /_s3emulator/functions</c>, signed by the default credentials with AWSSDK.Core's SigV4 signer (service
/// <c>s3</c>, the body's hash) as the client tests' FunctionsAdminClient signs it: points a function ARN at a URL.
/// </summary>
internal sealed class FunctionsRegistration(S3EmulatorServer emulator) : IDisposable
{
    private readonly HttpClient _http = emulator.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    public async Task PutAsync(string functionArn, Uri url)
    {
        var target = new Uri(emulator.ServiceUrl, "/_s3emulator/functions");
        var content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { [functionArn] = url.ToString() }));
        using var message = new HttpRequestMessage(HttpMethod.Put, target) { Content = new ByteArrayContent(content) };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in Sign(target, content))
        {
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(message);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"PUT /_s3emulator/functions answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private Dictionary<string, string> Sign(Uri url, byte[] content)
    {
        var credentials = emulator.DefaultCredentials.GetCredentials();
        var request = new DefaultRequest(new ListBucketsRequest(), "AmazonS3")
        {
            HttpMethod = "PUT",
            Endpoint = new Uri(url.GetLeftPart(UriPartial.Authority)),
            ResourcePath = url.AbsolutePath,
            AuthenticationRegion = emulator.Options.Region,
            OverrideSigningServiceName = "s3",
            Content = content,
        };
        request.Headers["Content-Type"] = "application/json";
        request.Headers["Content-Length"] = content.Length.ToString(CultureInfo.InvariantCulture);
        var signed = new AWS4Signer(signPayload: true).SignRequest(request, new AmazonS3Config { ServiceURL = emulator.ServiceUrl.ToString() }, null,
            credentials.AccessKey, credentials.SecretKey, DateTime.UtcNow);
        var headers = request.Headers
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                && !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        headers["Authorization"] = signed.ForAuthorizationHeader;
        return headers;
    }
}
