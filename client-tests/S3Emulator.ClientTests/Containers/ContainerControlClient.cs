using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// The one S3 Control call the container tests need (AWSSDK.S3Control is not available here): GetAccessPoint, for an
/// access point's alias. Sent as the SDKs send it to a custom endpoint — host <c>{account}.localhost</c>,
/// <c>x-amz-account-id</c> — and signed by AWSSDK.Core's SigV4 signer with signing name <c>s3</c>.
/// </summary>
internal static class ContainerControlClient
{
    public static async Task<string> GetAccessPointAliasAsync(S3EmulatorContainer container, string accountId, string name)
    {
        var service = container.GetServiceUrl();
        var endpoint = new UriBuilder(service) { Host = $"{accountId}.{service.Host}" }.Uri;
        var url = new Uri(endpoint, $"/v20180820/accesspoint/{Uri.EscapeDataString(name)}");
        using var http = container.CreateHttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (header, value) in Sign(container, url, accountId)) message.Headers.TryAddWithoutValidation(header, value);

        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return XElement.Parse(body).Descendants().Single(e => e.Name.LocalName == "Alias").Value;
    }

    private static Dictionary<string, string> Sign(S3EmulatorContainer container, Uri url, string accountId)
    {
        var credentials = container.DefaultCredentials.GetCredentials();
        var request = new DefaultRequest(new ListBucketsRequest(), "AmazonS3Control")
        {
            HttpMethod = "GET",
            Endpoint = new Uri(url.GetLeftPart(UriPartial.Authority)),
            ResourcePath = url.AbsolutePath,
            AuthenticationRegion = container.Options.Region,
            OverrideSigningServiceName = "s3",
            Content = [],
        };
        request.Headers["x-amz-account-id"] = accountId;
        var signed = new AWS4Signer(signPayload: true).SignRequest(request, new AmazonS3Config { ServiceURL = url.GetLeftPart(UriPartial.Authority) }, null,
            credentials.AccessKey, credentials.SecretKey, DateTime.UtcNow);
        var headers = request.Headers
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        headers["Authorization"] = signed.ForAuthorizationHeader;
        return headers;
    }
}
