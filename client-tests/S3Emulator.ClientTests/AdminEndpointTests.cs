using System.Net;
using System.Text.Json;

namespace S3Emulator.ClientTests;

public sealed class AdminEndpointTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task Health_AnswersReady()
    {
        using var http = Emulator.CreateHttpClient();

        var body = await http.GetStringAsync("/_s3emulator/health");

        Assert.That(body, Is.EqualTo("ready"));
    }

    [Test]
    public async Task Journal_ListsServedRequestsAsJson()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "journaled", "v");
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync("/_s3emulator/journal");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var entry = json.RootElement.EnumerateArray().Single(e => e.GetProperty("key").GetString() == "journaled");
        Assert.That(entry.GetProperty("operation").GetString(), Is.EqualTo("PutObject"));
        Assert.That(entry.GetProperty("bucket").GetString(), Is.EqualTo(bucket));
        Assert.That(entry.GetProperty("statusCode").GetInt32(), Is.EqualTo(200));
    }

    [Test]
    public async Task Certificate_IsPublishedInLoopbackModes()
    {
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync("/_s3emulator/certificate");

        if (Emulator.Certificate is null)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            return;
        }
        var pem = await response.Content.ReadAsStringAsync();
        Assert.That(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem).Thumbprint,
            Is.EqualTo(Emulator.Certificate.Thumbprint));
    }
}
