using System.Text;
using Amazon.Runtime;
using S3Emulator.Core.Checksums;
using static S3Emulator.Server.Tests.Auth.AuthTestKit;

namespace S3Emulator.Server.Tests.Auth;

public sealed class AwsChunkedAuthenticationTests
{
    [Test]
    public void ReadBody_SdkSignedChunksWithSignedTrailer_YieldsPayloadAndTrailers()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        var body = SdkSigner.SignChunked(request, "hello world"u8.ToArray(), SignedAt, CoreChecksumAlgorithm.CRC32);
        var context = SdkSigner.ToHttpContext(request, body: body);

        Assert.That(Authenticate(context), Is.Not.Null);
        var feature = BodyFeature(context);
        Assert.That(feature.DecodedContentLength, Is.EqualTo(11));
        Assert.That(feature.Trailers, Is.Empty);
        Assert.That(Encoding.UTF8.GetString(ReadAll(context)), Is.EqualTo("hello world"));
        Assert.That(feature.Trailers["x-amz-checksum-crc32"], Is.EqualTo("DUoRhQ=="));
    }

    [TestCase(CoreChecksumAlgorithm.NONE)]
    [TestCase(CoreChecksumAlgorithm.CRC32C)]
    [TestCase(CoreChecksumAlgorithm.CRC64NVME)]
    [TestCase(CoreChecksumAlgorithm.SHA256)]
    public async Task ReadBodyAsync_ManyChunksArrivingInTinyPieces_YieldsPayload(CoreChecksumAlgorithm checksum)
    {
        var payload = new byte[300_000];
        new Random(1).NextBytes(payload);
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        var body = SdkSigner.SignChunked(request, payload, SignedAt, checksum);
        var context = SdkSigner.ToHttpContext(request, body: body);
        context.Request.Body = new TrickleStream(body, 7);
        Authenticate(context);

        using var output = new MemoryStream();
        var buffer = new byte[5];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        Assert.That(output.ToArray(), Is.EqualTo(payload));
        Assert.That(BodyFeature(context).Trailers, checksum == CoreChecksumAlgorithm.NONE ? Is.Empty : Has.Count.EqualTo(1));
    }

    [Test]
    public void ReadBody_TamperedChunkData_ThrowsSignatureDoesNotMatch()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        var body = SdkSigner.SignChunked(request, "hello world"u8.ToArray(), SignedAt, CoreChecksumAlgorithm.NONE);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("hello world", "hello WORLD", StringComparison.Ordinal));
        var context = SdkSigner.ToHttpContext(request, body: tampered);
        Authenticate(context);

        var error = Fails(() => ReadAll(context));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(Detail(error, "StringToSign"), Does.StartWith("AWS4-HMAC-SHA256-PAYLOAD\n20260102T030405Z\n20260102/us-east-1/s3/aws4_request\n"));
        AssertNoSecretIn(error);
        Assert.That(() => ReadAll(context), Throws.InstanceOf<Core.Errors.S3Exception>(), "a failed body must stay failed");
    }

    [Test]
    public void ReadBody_TamperedSignedTrailer_ThrowsSignatureDoesNotMatch()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        var body = SdkSigner.SignChunked(request, "hello world"u8.ToArray(), SignedAt, CoreChecksumAlgorithm.CRC32);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("DUoRhQ==", "AAAAAA==", StringComparison.Ordinal));
        var context = SdkSigner.ToHttpContext(request, body: tampered);
        Authenticate(context);

        var error = Fails(() => ReadAll(context));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(Detail(error, "StringToSign"), Does.StartWith("AWS4-HMAC-SHA256-TRAILER\n"));
        Assert.That(BodyFeature(context).Trailers, Is.Empty);
    }

    [Test]
    public void ReadBody_TruncatedChunkedBody_ThrowsIncompleteBody()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        var body = SdkSigner.SignChunked(request, new byte[20_000], SignedAt, CoreChecksumAlgorithm.NONE);
        var context = SdkSigner.ToHttpContext(request, body: body[..(body.Length / 2)]);
        Authenticate(context);

        Assert.That(Fails(() => ReadAll(context)).Error.Code, Is.EqualTo("IncompleteBody"));
    }

    [Test]
    public void ReadBody_UnsignedChunksWithTrailer_YieldsPayloadAndChecksumTrailer()
    {
        var context = UnsignedTrailerRequest("B\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n", decodedLength: 11);

        Assert.That(Authenticate(context), Is.Not.Null);
        Assert.That(Encoding.UTF8.GetString(ReadAll(context)), Is.EqualTo("hello world"));
        Assert.That(BodyFeature(context).Trailers["x-amz-checksum-crc32"], Is.EqualTo("DUoRhQ=="));
    }

    [Test]
    public void ReadBody_SdkUnsignedTrailerStream_YieldsPayloadAndTrailer()
    {
        var payload = "hello world"u8.ToArray();
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        request.Headers["Content-Length"] = "11";
        request.SelectedChecksum = CoreChecksumAlgorithm.CRC32;
        request.TrailingHeaders["x-amz-checksum-crc32"] = string.Empty;
        SdkSigner.Sign(request, SignedAt, signPayload: false);
#pragma warning disable CS0618 // the CachedChecksum overload differs only in retry caching
        using var wrapped = new Amazon.Runtime.Internal.Util.TrailingHeadersWrapperStream(new MemoryStream(payload), request.TrailingHeaders, CoreChecksumAlgorithm.CRC32);
#pragma warning restore CS0618
        using var encoded = new MemoryStream();
        wrapped.CopyTo(encoded);
        var context = SdkSigner.ToHttpContext(request, body: encoded.ToArray());
        context.Request.Body = new TrickleStream(encoded.ToArray(), 3);

        Assert.That(Authenticate(context), Is.Not.Null);
        Assert.That(ReadAll(context), Is.EqualTo(payload));
        Assert.That(BodyFeature(context).Trailers["x-amz-checksum-crc32"], Is.EqualTo("DUoRhQ=="));
    }

    // The trailing checksum is computed and compared once, by the upload verifier (Services/S3/Handlers/Uploads): the decoder
    // only frames, verifies signatures and hands the trailers on, with the algorithm x-amz-trailer announced.
    [Test]
    public void ReadBody_UnsignedTrailerWithWrongChecksum_HandsTheTrailerOnForTheUploadVerifier()
    {
        var wrong = ChecksumAlgorithms.ComputeBase64(Core.Model.ChecksumAlgorithm.Crc32, "hello World"u8);
        var context = UnsignedTrailerRequest($"B\r\nhello world\r\n0\r\nx-amz-checksum-crc32:{wrong}\r\n\r\n", decodedLength: 11);
        Authenticate(context);

        Assert.That(Encoding.UTF8.GetString(ReadAll(context)), Is.EqualTo("hello world"));
        Assert.That(BodyFeature(context).Trailers["x-amz-checksum-crc32"], Is.EqualTo(wrong));
        Assert.That(BodyFeature(context).TrailingChecksum, Is.EqualTo(Core.Model.ChecksumAlgorithm.Crc32));
    }

    [Test]
    public void Authenticate_TrailerNamingTwoChecksums_ThrowsInvalidRequest()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        request.Headers["Content-Length"] = "11";
        request.SelectedChecksum = CoreChecksumAlgorithm.CRC32;
        request.TrailingHeaders["x-amz-checksum-crc32"] = string.Empty;
        request.TrailingHeaders["x-amz-checksum-sha1"] = string.Empty;
        SdkSigner.Sign(request, SignedAt, signPayload: false);
        var context = SdkSigner.ToHttpContext(request, body: "B\r\nhello world\r\n0\r\n\r\n"u8.ToArray());

        var error = Fails(() => Authenticate(context));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Error.Message, Does.StartWith("Expecting a single x-amz-checksum- header."));
    }

    [Test]
    public void ReadBody_DecodedLengthDifferentFromChunks_ThrowsSignatureDoesNotMatch()
    {
        var context = UnsignedTrailerRequest("B\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n", decodedLength: 12);
        Authenticate(context);

        Assert.That(Fails(() => ReadAll(context)).Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public void ReadBody_MalformedChunkSize_ThrowsIncompleteBody()
    {
        var context = UnsignedTrailerRequest("ZZ\r\nhello world\r\n0\r\n\r\n", decodedLength: 11);
        Authenticate(context);

        Assert.That(Fails(() => ReadAll(context)).Error.Code, Is.EqualTo("IncompleteBody"));
    }

    [Test]
    public void Authenticate_StreamingWithoutDecodedLength_ThrowsSignatureDoesNotMatch()
    {
        // Without a Content-Length the SDK signs a streaming upload without x-amz-decoded-content-length.
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        request.ContentStream = new MemoryStream("hello world"u8.ToArray());
        request.UseChunkEncoding = true;
        SdkSigner.Sign(request, SignedAt);
        Assert.That(request.Headers.ContainsKey("X-Amz-Decoded-Content-Length"), Is.False);
        Assert.That(request.Headers["X-Amz-Content-SHA256"], Is.EqualTo("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"));

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, body: "B\r\nhello world\r\n0\r\n\r\n"u8.ToArray())));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(error.Details, Is.Empty, "the header signature itself is valid");
    }

    // botocore's default upload shape: STREAMING-UNSIGNED-PAYLOAD-TRAILER. The SDK signer produces exactly this
    // header set when payload signing is off and a trailing checksum is requested; the body is ours to vary.
    private static Microsoft.AspNetCore.Http.DefaultHttpContext UnsignedTrailerRequest(string body, long? decodedLength)
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key");
        request.Headers["Content-Length"] = (decodedLength ?? 11).ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.SelectedChecksum = CoreChecksumAlgorithm.CRC32;
        request.TrailingHeaders["x-amz-checksum-crc32"] = string.Empty;
        SdkSigner.Sign(request, SignedAt, signPayload: false);
        Assert.That(request.Headers["X-Amz-Content-SHA256"], Is.EqualTo("STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
        if (decodedLength is null)
        {
            request.Headers.Remove("X-Amz-Decoded-Content-Length");
        }

        return SdkSigner.ToHttpContext(request, body: Encoding.UTF8.GetBytes(body));
    }
}
