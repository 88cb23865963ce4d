using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.AccessPoints;

/// <summary>
/// A small typed S3 Control client for tests (AWSSDK.S3Control is not available here): requests are built as the
/// SDKs send them (object-lambda.md §1, sdk-requests-observed.md) — host <c>{account}.{endpoint host}</c>,
/// <c>x-amz-account-id</c>, bodies in S3 Control's namespace — and signed by AWSSDK.Core's own SigV4 signer with
/// signing name <c>s3</c>.
/// </summary>
internal sealed class S3ControlTestClient(ScenarioEmulator emulator, string accountId, ImmutableCredentials? credentials) : IDisposable
{
    public const string Ns = "http://awss3control.amazonaws.com/doc/2018-08-20/";

    private readonly HttpClient _http = emulator.CreateHttpClient();

    /// <summary>The account's S3 Control endpoint as the SDKs build it for a custom endpoint.</summary>
    public Uri Endpoint { get; } = new UriBuilder(emulator.ServiceUrl) { Host = $"{accountId}.{emulator.ServiceUrl.Host}" }.Uri;

    public void Dispose() => _http.Dispose();

    public Task<ControlResponse> CreateAccessPointAsync(string name, string bucket, string? extraXml = null) =>
        SendAsync("PUT", $"accesspoint/{Uri.EscapeDataString(name)}",
            $"<CreateAccessPointRequest xmlns=\"{Ns}\"><Bucket>{SecurityElement.Escape(bucket)}</Bucket>{extraXml}</CreateAccessPointRequest>");

    public Task<ControlResponse> GetAccessPointAsync(string name) => SendAsync("GET", $"accesspoint/{Uri.EscapeDataString(name)}");

    public Task<ControlResponse> DeleteAccessPointAsync(string name) => SendAsync("DELETE", $"accesspoint/{Uri.EscapeDataString(name)}");

    public Task<ControlResponse> ListAccessPointsAsync(string? bucket = null, int? maxResults = null, string? nextToken = null)
    {
        var query = new List<string>();
        if (bucket is not null) query.Add("bucket=" + Uri.EscapeDataString(bucket));
        if (maxResults is not null) query.Add("maxResults=" + maxResults.Value.ToString(CultureInfo.InvariantCulture));
        if (nextToken is not null) query.Add("nextToken=" + Uri.EscapeDataString(nextToken));
        return SendAsync("GET", "accesspoint" + (query.Count == 0 ? "" : "?" + string.Join('&', query)));
    }

    public Task<ControlResponse> PutAccessPointPolicyAsync(string name, string policy) =>
        SendAsync("PUT", $"accesspoint/{Uri.EscapeDataString(name)}/policy",
            $"<PutAccessPointPolicyRequest xmlns=\"{Ns}\"><Policy>{SecurityElement.Escape(policy)}</Policy></PutAccessPointPolicyRequest>");

    public Task<ControlResponse> GetAccessPointPolicyAsync(string name) => SendAsync("GET", $"accesspoint/{Uri.EscapeDataString(name)}/policy");

    public Task<ControlResponse> DeleteAccessPointPolicyAsync(string name) => SendAsync("DELETE", $"accesspoint/{Uri.EscapeDataString(name)}/policy");

    public Task<ControlResponse> GetAccessPointPolicyStatusAsync(string name) =>
        SendAsync("GET", $"accesspoint/{Uri.EscapeDataString(name)}/policyStatus");

    public Task<ControlResponse> PutPublicAccessBlockAsync(bool blockPublicAcls, bool ignorePublicAcls, bool blockPublicPolicy, bool restrictPublicBuckets) =>
        SendAsync("PUT", "configuration/publicAccessBlock",
            $"<PublicAccessBlockConfiguration xmlns=\"{Ns}\"><BlockPublicAcls>{Flag(blockPublicAcls)}</BlockPublicAcls>" +
            $"<IgnorePublicAcls>{Flag(ignorePublicAcls)}</IgnorePublicAcls><BlockPublicPolicy>{Flag(blockPublicPolicy)}</BlockPublicPolicy>" +
            $"<RestrictPublicBuckets>{Flag(restrictPublicBuckets)}</RestrictPublicBuckets></PublicAccessBlockConfiguration>");

    public Task<ControlResponse> GetPublicAccessBlockAsync() => SendAsync("GET", "configuration/publicAccessBlock");

    public Task<ControlResponse> DeletePublicAccessBlockAsync() => SendAsync("DELETE", "configuration/publicAccessBlock");

    /// <summary>
    /// Sends <c>METHOD /v20180820/{pathAndQuery}</c> (already escaped), signed unless the client is anonymous; with
    /// <paramref name="accountHeader"/> false the <c>x-amz-account-id</c> header is left out.
    /// </summary>
    public async Task<ControlResponse> SendAsync(string method, string pathAndQuery, string? body = null, bool accountHeader = true)
    {
        var url = new Uri(Endpoint, "/v20180820/" + pathAndQuery);
        var content = Encoding.UTF8.GetBytes(body ?? "");
        using var message = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(content) };
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (accountHeader) headers["x-amz-account-id"] = accountId;
        if (credentials is not null) Sign(method, url, content, headers);
        foreach (var (name, value) in headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return new ControlResponse(response.StatusCode, text.Length == 0 ? null : XElement.Parse(text));
    }

    // AWSSDK.Core's SigV4 signer, as the SDK signs an S3 Control request: service "s3", the real payload hash.
    private void Sign(string method, Uri url, byte[] content, Dictionary<string, string> headers)
    {
        var request = new DefaultRequest(new ListBucketsRequest(), "AmazonS3Control")
        {
            HttpMethod = method,
            Endpoint = new Uri(url.GetLeftPart(UriPartial.Authority)),
            ResourcePath = url.AbsolutePath,
            AuthenticationRegion = emulator.Options.Region,
            OverrideSigningServiceName = "s3",
            Content = content,
        };
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            request.Parameters[Uri.UnescapeDataString(parts[0])] = Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : "");
        }
        request.UseQueryString = true;
        foreach (var (name, value) in headers) request.Headers[name] = value;
        request.Headers["Content-Length"] = content.Length.ToString(CultureInfo.InvariantCulture);
        var signed = new AWS4Signer(signPayload: true).SignRequest(request, new AmazonS3Config { ServiceURL = Endpoint.ToString() }, null,
            credentials!.AccessKey, credentials.SecretKey, DateTime.UtcNow);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            headers[name] = value;
        }
        headers["Authorization"] = signed.ForAuthorizationHeader;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}

/// <summary>An S3 Control answer: status and XML body (a result, or S3 Control's <c>ErrorResponse</c>).</summary>
internal sealed record ControlResponse(HttpStatusCode Status, XElement? Body)
{
    private static readonly XNamespace Ns = S3ControlTestClient.Ns;

    /// <summary>A member of the result by local name (its text), or null.</summary>
    public string? Value(string name) => Body?.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>The error code of an <c>ErrorResponse</c> body.</summary>
    public string? ErrorCode => Body?.Name.LocalName == "ErrorResponse" ? Body.Element("Error")?.Element("Code")?.Value : null;

    public string? ErrorMessage => Body?.Element("Error")?.Element("Message")?.Value;

    /// <summary>Asserts a 2xx answer and returns it, so a failure shows the error body.</summary>
    public ControlResponse Succeeded()
    {
        Assert.That((int)Status, Is.InRange(200, 299), Body?.ToString());
        return this;
    }

    public IEnumerable<XElement> Elements(string localName) => Body?.Descendants(Ns + localName) ?? [];
}
