using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>Multipart uploads under SSE-KMS: the initiate request's key covers every part and the result.</summary>
public sealed class SseKmsMultipartTests(Transport transport) : SseKmsTestBase(transport)
{
    private static readonly string FirstPart = string.Concat(Enumerable.Range(0, 5 * 1024 * 1024 / 16).Select(i => $"{i:x15}\n"));
    private const string SecondPart = "and a small last part";

    [Test]
    public async Task A_multipart_upload_under_a_KMS_key_reads_back_and_reports_the_key_ARN_throughout()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();

        var initiate = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket, Key = "big.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = key.KeyId,
        });
        var part1 = await UploadPartAsync(bucket, "big.txt", initiate.UploadId, 1, FirstPart);
        var part2 = await UploadPartAsync(bucket, "big.txt", initiate.UploadId, 2, SecondPart);
        var complete = await CompleteAsync(bucket, "big.txt", initiate.UploadId, part1, part2);
        var head = await HeadAsync(bucket, "big.txt");

        Assert.That(initiate.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(initiate.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(KeyArn(key.KeyId)));
        Assert.That(part1.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(part2.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(Unquoted(part2.ETag), Does.Match("^[0-9a-f]{32}$").And.Not.EqualTo(Md5Hex(SecondPart)), "an SSE-KMS part's ETag is not its MD5");
        Assert.That(complete.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(complete.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(KeyArn(key.KeyId)));
        Assert.That(Unquoted(complete.ETag), Does.Match("^[0-9a-f]{32}-2$"));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(KeyArn(key.KeyId)));
        Assert.That(head.ContentLength, Is.EqualTo(FirstPart.Length + SecondPart.Length));
        Assert.That(await GetTextAsync(bucket, "big.txt"), Is.EqualTo(FirstPart + SecondPart));
    }

    [Test]
    public async Task A_ranged_get_across_the_part_boundary_of_a_KMS_multipart_object_returns_that_range()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var initiate = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket, Key = "ranged.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = key.Arn,
        });
        var part1 = await UploadPartAsync(bucket, "ranged.txt", initiate.UploadId, 1, FirstPart);
        var part2 = await UploadPartAsync(bucket, "ranged.txt", initiate.UploadId, 2, SecondPart);
        await CompleteAsync(bucket, "ranged.txt", initiate.UploadId, part1, part2);
        var whole = FirstPart + SecondPart;
        var start = FirstPart.Length - 100;

        var get = await S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket, Key = "ranged.txt", ByteRange = new ByteRange(start, start + 109),
        });
        var status = get.HttpStatusCode;
        var content = await ReadAsync(get);

        Assert.That(status, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(content, Is.EqualTo(whole.Substring(start, 110)));
    }

    [Test]
    public async Task Disabling_the_key_during_an_upload_makes_the_next_part_fail_with_KMS_DisabledException()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var initiate = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket, Key = "halfway.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = key.KeyId,
        });

        await Kms.DisableKeyAsync(new Amazon.KeyManagementService.Model.DisableKeyRequest { KeyId = key.KeyId });
        var error = await ExpectS3ErrorAsync(() => UploadPartAsync(bucket, "halfway.txt", initiate.UploadId, 1, "part"));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.DisabledException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private Task<UploadPartResponse> UploadPartAsync(string bucket, string key, string uploadId, int number, string content) =>
        S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = number,
            InputStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        });

    private Task<CompleteMultipartUploadResponse> CompleteAsync(string bucket, string key, string uploadId, params UploadPartResponse[] parts) =>
        S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = key, UploadId = uploadId,
            PartETags = parts.Select((p, i) => new PartETag(i + 1, p.ETag)).ToList(),
        });
}
