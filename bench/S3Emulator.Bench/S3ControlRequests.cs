using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Testing;

namespace S3Emulator.Bench;

/// <summary>
/// The two S3 Control calls the access-point benchmark needs (AWSSDK.S3Control is not available here), built as the
/// SDKs send them — host <c>{account}.localhost</c>, <c>x-amz-account-id</c> — and signed by AWSSDK.Core's SigV4 signer
/// with signing name <c>s3</c>, as the client tests' S3ControlTestClient does.
/// </summary>
internal sealed class S3ControlRequests(S3EmulatorServer emulator, string accountId) : IDisposable
{
    private const string Ns = "http://awss3control.amazonaws.com/doc/2018-08-20/";

    private readonly HttpClient _http = emulator.CreateHttpClient();
    private readonly Uri _endpoint = new UriBuilder(emulator.ServiceUrl) { Host = $"{accountId}.{emulator.ServiceUrl.Host}" }.Uri;

    public void Dispose() => _http.Dispose();

    /// <summary>Creates the access point and returns its alias.</summary>
    public async Task<string> CreateAccessPointAsync(string name, string bucket)
    {
        var created = await SendAsync("PUT", $"accesspoint/{name}",
            $"<CreateAccessPointRequest xmlns=\"{Ns}\"><Bucket>{SecurityElement.Escape(bucket)}</Bucket></CreateAccessPointRequest>");
        return created!.Descendants().First(e => e.Name.LocalName == "Alias").Value;
    }

    public Task PutAccessPointPolicyAsync(string name, string policy) =>
        SendAsync("PUT", $"accesspoint/{name}/policy",
            $"<PutAccessPointPolicyRequest xmlns=\"{Ns}\"><Policy>{SecurityElement.Escape(policy)}</Policy></PutAccessPointPolicyRequest>");

    private async Task<XElement?> SendAsync(string method, string path, string body)
    {
        var url = new Uri(_endpoint, "/v20180820/" + path);
        var content = Encoding.UTF8.GetBytes(body);
        using var message = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(content) };
        foreach (var (header, value) in Sign(method, url, content))
        {
            if (!message.Headers.TryAddWithoutValidation(header, value)) message.Content.Headers.TryAddWithoutValidation(header, value);
        }
        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent))
        {
            throw new InvalidOperationException($"S3 Control {method} {path} answered {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? null : XElement.Parse(text);
    }

    private Dictionary<string, string> Sign(string method, Uri url, byte[] content)
    {
        var credentials = emulator.DefaultCredentials.GetCredentials();
        var request = new DefaultRequest(new ListBucketsRequest(), "AmazonS3Control")
        {
            HttpMethod = method,
            Endpoint = new Uri(url.GetLeftPart(UriPartial.Authority)),
            ResourcePath = url.AbsolutePath,
            AuthenticationRegion = emulator.Options.Region,
            OverrideSigningServiceName = "s3",
            Content = content,
            UseQueryString = true,
        };
        request.Headers["x-amz-account-id"] = accountId;
        request.Headers["Content-Length"] = content.Length.ToString(CultureInfo.InvariantCulture);
        var signed = new AWS4Signer(signPayload: true).SignRequest(request, new AmazonS3Config { ServiceURL = _endpoint.ToString() }, null,
            credentials.AccessKey, credentials.SecretKey, DateTime.UtcNow);
        var headers = request.Headers
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        headers["Authorization"] = signed.ForAuthorizationHeader;
        return headers;
    }
}
