using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace S3Emulator.ClientTests.Kms;

/// <summary>The journal and the wire protocol: auth, unknown targets, malformed bodies.</summary>
public sealed partial class KmsApiTests
{
    [Test]
    public async Task Journal_RecordsKmsOperations_ButNoPlaintextOrKeyMaterial()
    {
        const string secret = "journal-must-not-see-this";
        var key = await CreateKeyAsync();
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = key, Plaintext = Stream(secret) });
        var dataKey = await Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = DeclaredKeyId, KeySpec = DataKeySpec.AES_256 });

        var entries = Emulator.Journal.Entries;
        var json = JsonSerializer.Serialize(entries);

        Assert.That(entries.Select(e => e.Operation), Is.SupersetOf(new[] { "kms:CreateKey", "kms:Encrypt", "kms:GenerateDataKey" }));
        Assert.That(entries.Where(e => e.Operation.StartsWith("kms:", StringComparison.Ordinal)).Select(e => e.Principal), Has.All.Not.Null);
        Assert.That(json, Does.Not.Contain(secret).And.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))));
        Assert.That(json, Does.Not.Contain(Convert.ToBase64String(encrypted.CiphertextBlob.ToArray())));
        Assert.That(json, Does.Not.Contain(Convert.ToBase64String(dataKey.Plaintext.ToArray())));
        Assert.That(json, Does.Not.Contain(DeclaredMaterial));
    }

    [Test]
    public async Task UnsignedRequest_IsRefusedWithMissingAuthenticationToken()
    {
        using var http = Emulator.CreateHttpClient();
        using var request = KmsRawRequest.Create(Emulator.ServiceUrl, Emulator.Options.Region, "TrentService.ListKeys", "{}", sign: false);

        using var response = await http.SendAsync(request);
        var error = await ErrorTypeAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error, Is.EqualTo("MissingAuthenticationTokenException"));
    }

    [TestCase("TrentService.NoSuchOperation", "{}", "UnknownOperationException")]
    [TestCase("TrentService.ListKeys", "{not json", "SerializationException")]
    [TestCase("TrentService.DescribeKey", "{\"KeyId\": 5}", "SerializationException")]
    [TestCase("TrentService.DescribeKey", "{}", "ValidationException")]
    public async Task SignedRawRequest_WithBadTargetOrBody_IsAKmsError(string target, string body, string expected)
    {
        using var http = Emulator.CreateHttpClient();
        using var request = KmsRawRequest.Create(Emulator.ServiceUrl, Emulator.Options.Region, target, body);

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/x-amz-json-1.1"));
        Assert.That(response.Headers.Contains("x-amzn-RequestId"), Is.True);
        Assert.That(await ErrorTypeAsync(response), Is.EqualTo(expected));
    }

    [Test]
    public async Task RequestSignedForAnotherRegion_IsRefusedWithInvalidSignature()
    {
        var otherRegion = Emulator.Options.Region == "us-west-2" ? "eu-west-1" : "us-west-2";
        using var http = Emulator.CreateHttpClient();
        using var request = KmsRawRequest.Create(Emulator.ServiceUrl, otherRegion, "TrentService.ListKeys", "{}");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ErrorTypeAsync(response), Is.EqualTo("InvalidSignatureException"));
        Assert.That(Emulator.Journal.Entries.Last().Operation, Is.EqualTo("kms:ListKeys"));
    }

    [Test]
    public async Task SignedRawRequest_WithoutContentSha256Header_IsAccepted()
    {
        using var http = Emulator.CreateHttpClient();
        using var request = KmsRawRequest.Create(Emulator.ServiceUrl, Emulator.Options.Region, "TrentService.GenerateRandom", "{\"NumberOfBytes\":8}");

        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Convert.FromBase64String(json.RootElement.GetProperty("Plaintext").GetString()!), Has.Length.EqualTo(8));
    }

    private static async Task<string?> ErrorTypeAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("__type").GetString();
    }
}
