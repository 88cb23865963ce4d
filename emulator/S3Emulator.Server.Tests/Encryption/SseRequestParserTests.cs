using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Encryption;

/// <summary>The SSE request validation table of spec/sse.md §2, row by row.</summary>
public sealed class SseRequestParserTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly string KeyBase64 = Convert.ToBase64String(Key);
    private static readonly string KeyMd5 = Convert.ToBase64String(MD5.HashData(Key));

    [Test]
    public void Write_WithoutHeaders_UsesTheBucketDefault()
    {
        var requested = SseRequestParser.ForWrite(Context());

        Assert.That(requested, Is.EqualTo(new RequestedEncryption.BucketDefault(null)));
    }

    [Test]
    public void Write_WithAes256_AsksForSseS3()
    {
        Assert.That(SseRequestParser.ForWrite(Context(("x-amz-server-side-encryption", "AES256"))), Is.TypeOf<RequestedEncryption.SseS3>());
    }

    [Test]
    public void Write_WithKmsKeyAndContext_AsksForSseKms()
    {
        var context = Convert.ToBase64String("{\"team\":\"blue\"}"u8.ToArray());

        var requested = SseRequestParser.ForWrite(Context(
            ("x-amz-server-side-encryption", "aws:kms"), ("x-amz-server-side-encryption-aws-kms-key-id", "alias/k"),
            ("x-amz-server-side-encryption-context", context), ("x-amz-server-side-encryption-bucket-key-enabled", "true")));

        var kms = (RequestedEncryption.SseKms)requested;
        Assert.That(kms.KeyId, Is.EqualTo("alias/k"));
        Assert.That(kms.Context, Is.EqualTo(new Dictionary<string, string> { ["team"] = "blue" }));
        Assert.That(kms.BucketKeyEnabled, Is.True);
    }

    [Test]
    public void Write_WithValidCustomerKeyOverHttps_AsksForSseC()
    {
        var requested = SseRequestParser.ForWrite(Context(SseC()));

        var sseC = (RequestedEncryption.SseC)requested;
        Assert.That(sseC.Key.Key.ToArray(), Is.EqualTo(Key));
        Assert.That(sseC.Key.KeyMd5, Is.EqualTo(KeyMd5));
        Assert.That(sseC.Key.ToString(), Does.Not.Contain(KeyBase64));
    }

    [TestCase(false, "InvalidRequest", "must be made over a secure connection")]
    public void CustomerKey_OverPlainHttp_IsRefused(bool https, string code, string message) =>
        AssertError(() => SseRequestParser.ForWrite(Context(https, SseC())), code, 400, message);

    [Test]
    public void CustomerKey_WithoutAlgorithm_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context(SseC(algorithm: null))), "InvalidArgument", 400, "must provide a valid encryption algorithm");

    [Test]
    public void CustomerKey_WithAlgorithmOtherThanAes256_IsInvalidEncryptionAlgorithmError() =>
        AssertError(() => SseRequestParser.ForWrite(Context(SseC(algorithm: "AES128"))), "InvalidEncryptionAlgorithmError", 400, "Supported value: AES256");

    [Test]
    public void CustomerKey_AlgorithmWithoutKey_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context(SseC(key: null))), "InvalidArgument", 400, "must provide an appropriate secret key");

    [Test]
    public void CustomerKey_OfWrongLength_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context(SseC(key: Convert.ToBase64String(new byte[16])))), "InvalidArgument", 400, "The secret key was invalid for the specified algorithm.");

    [Test]
    public void CustomerKey_WithoutMd5_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context(SseC(md5: null))), "InvalidArgument", 400, "client calculated MD5");

    [Test]
    public void CustomerKey_WithWrongMd5_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context(SseC(md5: Convert.ToBase64String(new byte[16])))), "InvalidArgument", 400, "did not match the hash that was provided");

    [Test]
    public void CustomerKey_TogetherWithServerSideEncryption_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context([.. SseC(), ("x-amz-server-side-encryption", "AES256")])),
            "InvalidArgument", 400, "incompatible with the encryption method specified");

    [Test]
    public void KmsKeyId_WithoutKmsAlgorithm_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context(("x-amz-server-side-encryption-aws-kms-key-id", "alias/k"))), "InvalidArgument", 400, "requires HTTP header x-amz-server-side-encryption : aws:kms");

    [Test]
    public void KmsContext_ThatIsNotBase64Json_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForWrite(Context(("x-amz-server-side-encryption", "aws:kms"), ("x-amz-server-side-encryption-context", "not json"))),
            "InvalidArgument", 400, "Base64-encoded UTF-8 string holding JSON");

    [Test]
    public void Read_WithServerSideEncryptionHeader_IsInvalidArgument() =>
        AssertError(() => SseRequestParser.ForRead(Context(S3Operation.GetObject, true, ("x-amz-server-side-encryption", "AES256"))),
            "InvalidArgument", 400, "not supported for this operation");

    [Test]
    public void CopySourceKey_IsReadFromTheCopySourceHeaders()
    {
        // x-amz-copy-source-server-side-encryption-customer-algorithm and its two siblings.
        var headers = SseC().Select(h => ("x-amz-copy-source-" + h.Name["x-amz-".Length..], h.Value)).ToArray();

        var key = SseRequestParser.ForRead(Context(S3Operation.CopyObject, true, headers), copySource: true);

        Assert.That(key!.Key.ToArray(), Is.EqualTo(Key));
    }

    [Test]
    public void NoErrorMessage_EverContainsTheKey()
    {
        var wrongMd5 = Assert.Throws<S3Exception>(() => SseRequestParser.ForWrite(Context(SseC(md5: Convert.ToBase64String(new byte[16])))))!;

        Assert.That(wrongMd5.Message + string.Join(",", wrongMd5.Details), Does.Not.Contain(KeyBase64));
    }

    private static (string Name, string Value)[] SseC(string? algorithm = "AES256", string? key = "", string? md5 = "")
    {
        var headers = new List<(string, string)>();
        if (algorithm is not null) headers.Add(("x-amz-server-side-encryption-customer-algorithm", algorithm));
        if (key is not null) headers.Add(("x-amz-server-side-encryption-customer-key", key.Length == 0 ? KeyBase64 : key));
        if (md5 is not null) headers.Add(("x-amz-server-side-encryption-customer-key-MD5", md5.Length == 0 ? KeyMd5 : md5));
        return [.. headers];
    }

    private static S3RequestContext Context(params (string Name, string Value)[] headers) => Context(S3Operation.PutObject, true, headers);

    private static S3RequestContext Context(bool https, params (string Name, string Value)[] headers) => Context(S3Operation.PutObject, https, headers);

    private static S3RequestContext Context(S3Operation operation, bool https, params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = https ? "https" : "http";
        foreach (var (name, value) in headers) http.Request.Headers[name] = value;
        var request = new S3Request(operation, "bucket", "key", "/bucket/key", QueryParameters.Empty, VirtualHosted: false);
        var principal = new S3Principal("123456789012", "arn:aws:iam::123456789012:root", "AKID", S3Principal.RootUserName);
        return new S3RequestContext(TestExchange.For(http), request, principal, new InMemoryObjectStore(), new S3EmulatorOptions(), TimeProvider.System, TestEncryption.NewEncryptor());
    }

    private static void AssertError(Action action, string code, int status, string message)
    {
        var error = Assert.Throws<S3Exception>(action)!;
        Assert.That(error.Error.Code, Is.EqualTo(code));
        Assert.That(error.Error.StatusCode, Is.EqualTo(status));
        Assert.That(error.Error.Message, Does.Contain(message));
    }
}
