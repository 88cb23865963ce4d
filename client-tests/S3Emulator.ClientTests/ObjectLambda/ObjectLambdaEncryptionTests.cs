using System.Net;
using System.Text;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Transforms.ClientSideEncryption;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// Encrypted objects through Object Lambda: SSE-S3 and SSE-KMS reach the transform decrypted, an SSE-C object only
/// through the transform's own signed request with the key (never through <c>inputS3Url</c>), and client-side-encrypted
/// objects as ciphertext with their envelope metadata, which a transform holding the key can re-encrypt.
/// </summary>
public sealed class ObjectLambdaEncryptionTests(Transport transport) : ObjectLambdaSecurityTestBase(transport)
{
    [OneTimeSetUp]
    public Task AllowSseCAsync() => Encryption.SseCTestKit.AllowSseCAsync(SecureS3, DataBucket);

    [Test]
    public async Task SseS3Object_ReachesTheTransformDecrypted_AndTheCallerGetsTheTransformedPlaintext()
    {
        var key = NewKey();
        await PutDataAsync(key, "stored under sse-s3", r => r.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256);

        var body = await ReadAsync(await Olap.GetObjectAsync(OlapArn("upper"), key));

        Assert.That(body, Is.EqualTo("STORED UNDER SSE-S3"));
    }

    [Test]
    public async Task SseKmsObject_ReachesTheTransformDecrypted_AndTheCallerGetsTheTransformedPlaintext()
    {
        using var kms = Emulator.CreateKmsClient();
        var kmsKey = await kms.CreateKeyAsync(new CreateKeyRequest { Description = "object lambda" });
        var key = NewKey();
        await PutDataAsync(key, "stored under sse-kms", r =>
        {
            r.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            r.ServerSideEncryptionKeyManagementServiceKeyId = kmsKey.KeyMetadata.Arn;
        });

        var upper = await ReadAsync(await Olap.GetObjectAsync(OlapArn("upper"), key));
        var seen = await ReadAsync(await Olap.GetObjectAsync(OlapArn("recording"), key));

        Assert.That(upper, Is.EqualTo("STORED UNDER SSE-KMS"));
        Assert.That(seen, Is.EqualTo("stored under sse-kms"), "what inputS3Url gave the function is the plaintext");
    }

    [Test]
    public async Task SseCObject_ThroughInputS3Url_FailsWithS3sError_WhichTheFunctionForwards()
    {
        var key = NewKey();
        var customerKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await PutDataAsync(key, "customer keyed", r =>
        {
            r.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
            r.ServerSideEncryptionCustomerProvidedKey = customerKey;
        });

        var error = await ExpectS3ErrorAsync(() => Olap.GetObjectAsync(OlapArn("recording"), key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")), error.Message);
        var invocation = (await ObjectLambdaEntryAsync(key))?.Invocation;
        Assert.That(invocation?.WriteGetObjectResponseStatus, Is.EqualTo(400), "the function ran, was refused the object and forwarded that");
        var signed = System.Web.HttpUtility.ParseQueryString(new Uri(RecordedFor(key).Single().GetObjectContext!.InputS3Url).Query)["X-Amz-SignedHeaders"];
        Assert.That(signed, Does.Not.Contain("x-amz-server-side-encryption-customer"), "inputS3Url signs no SSE-C header");
    }

    [Test]
    public async Task SseCObject_ReadByTheTransformWithItsOwnCredentialsAndTheKey_ReachesTheCallerTransformed()
    {
        var key = NewKey();
        await PutDataAsync(key, "read with my own key", r =>
        {
            r.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
            r.ServerSideEncryptionCustomerProvidedKey = Convert.ToBase64String(ReaderKey);
        });

        var body = await ReadAsync(await Olap.GetObjectAsync(OlapArn("ssec-reader"), key));

        Assert.That(body, Is.EqualTo("READ WITH MY OWN KEY"));
        var read = Emulator.Journal.Last(e => e.Operation == "GetObject" && e.Principal is { } p && p.Contains(":assumed-role/olap-function/", StringComparison.Ordinal));
        Assert.That(read?.StatusCode, Is.EqualTo(200), "the function's own GetObject, signed as its execution role");
        var everything = EverythingRecorded();
        Assert.That(everything, Does.Not.Contain(Md5Of(ReaderKey)), "the key's MD5 reached no journal entry or log line");
        Assert.That(JournalJson() + Logs.All, Does.Not.Contain(Convert.ToBase64String(ReaderKey)));
    }

    [Test]
    public async Task ClientSideEncryptedObject_ReachesTheTransformAsCiphertext_WithItsEnvelopeMetadata()
    {
        var key = NewKey();
        var plaintext = Encoding.UTF8.GetBytes("client-side secret");
        var writer = new S3EncryptionClient(SecureS3, new AesKeyring(CseSourceKey));
        await writer.PutObjectAsync(DataBucket, key, plaintext);
        byte[] stored;
        using (var direct = await SecureS3.GetObjectAsync(DataBucket, key))
        using (var buffer = new MemoryStream())
        {
            await direct.ResponseStream.CopyToAsync(buffer);
            stored = buffer.ToArray();
        }

        using var response = await Olap.GetObjectAsync(OlapArn("recording"), key);
        using var received = new MemoryStream();
        await response.ResponseStream.CopyToAsync(received);

        Assert.That(received.ToArray(), Is.EqualTo(stored), "the stored ciphertext, byte for byte");
        Assert.That(received.ToArray(), Is.Not.EqualTo(plaintext));
        Assert.That(response.Metadata.Keys, Does.Contain("x-amz-meta-x-amz-key-v2").And.Contain("x-amz-meta-x-amz-iv").And.Contain("x-amz-meta-x-amz-cek-alg"));
        var metadata = response.Metadata.Keys.ToDictionary(name => name["x-amz-meta-".Length..], name => response.Metadata[name]);
        var decrypted = await ClientSideEnvelope.DecryptAsync(new AesKeyring(CseSourceKey), received.ToArray(), metadata);
        Assert.That(decrypted, Is.EqualTo(plaintext), "the envelope arrived whole: the key holder can decrypt it");
    }

    [Test]
    public async Task ClientSideEncryptedObject_ReencryptedByTheExample_DecryptsWithTheTargetKeyOnly()
    {
        var key = NewKey();
        var plaintext = Encoding.UTF8.GetBytes("re-encrypt me");
        await new S3EncryptionClient(SecureS3, new AesKeyring(CseSourceKey)).PutObjectAsync(DataBucket, key, plaintext);

        var reencrypted = await new S3EncryptionClient(Olap, new AesKeyring(CseTargetKey)).GetObjectAsync(OlapArn("reencrypt"), key);

        Assert.That(reencrypted.Plaintext, Is.EqualTo(plaintext));
        Assert.That(() => new S3EncryptionClient(Olap, new AesKeyring(CseSourceKey)).GetObjectAsync(OlapArn("reencrypt"), key),
            Throws.InstanceOf<S3EncryptionException>(), "the answer is no longer under the source key");
    }
}
