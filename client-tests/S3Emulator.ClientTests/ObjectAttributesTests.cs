using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.Encryption;

namespace S3Emulator.ClientTests;

/// <summary>GetObjectAttributes through AWSSDK.S3: the attributes asked for, parts paged, SSE-C keys required.</summary>
public sealed class ObjectAttributesTests(Transport transport) : EmulatorTestBase(transport)
{
    private const int MiB = 1024 * 1024;

    private static readonly List<ObjectAttributes> All =
        [ObjectAttributes.ETag, ObjectAttributes.Checksum, ObjectAttributes.ObjectParts, ObjectAttributes.StorageClass, ObjectAttributes.ObjectSize];

    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync("attrs");

    [Test]
    public async Task SinglePut_WithCrc32_ReturnsETagSizeChecksumAndStorageClass_ButNoParts()
    {
        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "hello world", ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        });
        var head = await S3.GetObjectMetadataAsync(_bucket, "k");

        var attributes = await GetAttributesAsync(S3, "k", All);

        Assert.That(attributes.ETag, Is.EqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3"));
        Assert.That(put.ETag, Is.EqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\""));
        Assert.That(attributes.ObjectSize, Is.EqualTo(11));
        Assert.That(attributes.Checksum.ChecksumCRC32, Is.EqualTo("DUoRhQ=="));
        Assert.That(attributes.Checksum.ChecksumType, Is.EqualTo(ChecksumType.FULL_OBJECT));
        Assert.That(attributes.StorageClass, Is.EqualTo(S3StorageClass.Standard));
        Assert.That(attributes.ObjectParts, Is.Null);
        Assert.That(attributes.LastModified, Is.EqualTo(head.LastModified));
    }

    [Test]
    public async Task OnlyTheAttributesAskedFor_AreReturned()
    {
        await PutTextAsync(_bucket, "k", "v");

        var attributes = await GetAttributesAsync(S3, "k", [ObjectAttributes.ObjectSize]);

        Assert.That(attributes.ObjectSize, Is.EqualTo(1));
        Assert.That(attributes.ETag, Is.Null);
        Assert.That(attributes.Checksum, Is.Null);
        Assert.That(attributes.StorageClass, Is.Null);
    }

    [Test]
    public async Task CompositeMultipart_ListsItsPartsInPages()
    {
        byte[][] parts = [Bytes(5 * MiB, 1), Bytes(5 * MiB, 2), Bytes(300, 3)];
        var complete = await UploadCrc32Async("mpu", parts);

        var first = await GetAttributesAsync(S3, "mpu", All, maxParts: 2);
        var second = await GetAttributesAsync(S3, "mpu", [ObjectAttributes.ObjectParts], maxParts: 2, partNumberMarker: 2);

        Assert.That(first.ETag, Is.EqualTo(complete.ETag.Trim('"')).And.EndsWith("-3"));
        Assert.That(first.ObjectSize, Is.EqualTo(10 * MiB + 300));
        // The composite checksum, without the "-3" that CompleteMultipartUpload and GET show.
        Assert.That(complete.ChecksumCRC32, Does.EndWith("-3"));
        Assert.That(first.Checksum.ChecksumCRC32, Is.EqualTo(Convert.ToBase64String(Crc32(parts.SelectMany(Crc32).ToArray()))));
        Assert.That(first.Checksum.ChecksumType, Is.EqualTo(ChecksumType.COMPOSITE));
        Assert.That(first.ObjectParts.TotalPartsCount, Is.EqualTo(3));
        Assert.That(first.ObjectParts.PartNumberMarker, Is.EqualTo(0));
        Assert.That(first.ObjectParts.MaxParts, Is.EqualTo(2));
        Assert.That(first.ObjectParts.IsTruncated, Is.True);
        Assert.That(first.ObjectParts.NextPartNumberMarker, Is.EqualTo(2));
        Assert.That(first.ObjectParts.Parts.Select(p => (p.PartNumber, p.Size)), Is.EqualTo(new[] { ((int?)1, (long?)(5 * MiB)), (2, 5 * MiB) }));
        Assert.That(first.ObjectParts.Parts.Select(p => p.ChecksumCRC32), Is.EqualTo(parts[..2].Select(p => Convert.ToBase64String(Crc32(p)))));

        Assert.That(second.ObjectParts.TotalPartsCount, Is.EqualTo(3));
        Assert.That(second.ObjectParts.PartNumberMarker, Is.EqualTo(2));
        Assert.That(second.ObjectParts.IsTruncated, Is.False);
        Assert.That(second.ObjectParts.NextPartNumberMarker, Is.EqualTo(3));
        Assert.That(second.ObjectParts.Parts.Single().PartNumber, Is.EqualTo(3));
        Assert.That(second.ObjectParts.Parts.Single().Size, Is.EqualTo(300));
        Assert.That(second.ObjectParts.Parts.Single().ChecksumCRC32, Is.EqualTo(Convert.ToBase64String(Crc32(parts[2]))));
    }

    [Test]
    public async Task SseKmsObject_ReturnsTheStoredETag_AsHeadDoes()
    {
        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "kms", ContentBody = "kms body", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
        });
        var head = await S3.GetObjectMetadataAsync(_bucket, "kms");

        var attributes = await GetAttributesAsync(S3, "kms", [ObjectAttributes.ETag, ObjectAttributes.ObjectSize]);

        Assert.That(attributes.ETag, Is.EqualTo(head.ETag.Trim('"')).And.EqualTo(put.ETag.Trim('"')));
        Assert.That(attributes.ETag, Is.Not.EqualTo(Convert.ToHexStringLower(MD5.HashData("kms body"u8))));
        Assert.That(attributes.ObjectSize, Is.EqualTo(8));
    }

    [Test]
    public async Task SseCObject_NeedsTheCustomerKey()
    {
        var key = new SseCTestKit();
        await SseCTestKit.AllowSseCAsync(S3, _bucket);
        var put = await SecureS3.PutObjectAsync(key.On(new PutObjectRequest { BucketName = _bucket, Key = "ssec", ContentBody = "secret" }));

        var withoutKey = await ExpectS3ErrorAsync(() => GetAttributesAsync(SecureS3, "ssec", [ObjectAttributes.ETag]));
        var withKey = await SecureS3.GetObjectAttributesAsync(key.On(new GetObjectAttributesRequest
        {
            BucketName = _bucket, Key = "ssec", ObjectAttributes = [ObjectAttributes.ETag, ObjectAttributes.ObjectSize],
        }));

        Assert.That(withoutKey.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(withoutKey.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(withoutKey.Message, Does.Contain("The correct parameters must be provided to retrieve the object"));
        Assert.That(withKey.ETag, Is.EqualTo(put.ETag.Trim('"')));
        Assert.That(withKey.ObjectSize, Is.EqualTo(6));
    }

    [Test]
    public async Task SseCObject_WithAnotherCustomerKey_IsAccessDenied()
    {
        var key = new SseCTestKit();
        await SseCTestKit.AllowSseCAsync(S3, _bucket);
        await SecureS3.PutObjectAsync(key.On(new PutObjectRequest { BucketName = _bucket, Key = "ssec-other", ContentBody = "secret" }));
        var other = new SseCTestKit();

        var error = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAttributesAsync(other.On(new GetObjectAttributesRequest
        {
            BucketName = _bucket, Key = "ssec-other", ObjectAttributes = [ObjectAttributes.ETag, ObjectAttributes.ObjectSize],
        })));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(error.ErrorCode, Is.EqualTo("AccessDenied"));
        Assert.That(error.Message, Does.Not.Contain(other.KeyBase64).And.Not.Contain(key.KeyBase64));
    }

    [Test]
    public async Task MissingKey_IsNoSuchKey()
    {
        var error = await ExpectS3ErrorAsync(() => GetAttributesAsync(S3, "nope", [ObjectAttributes.ETag]));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchKey"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task NoAttributes_IsInvalidArgument()
    {
        await PutTextAsync(_bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => GetAttributesAsync(S3, "k", []));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Message, Is.EqualTo("Invalid attribute name specified."));
    }

    private Task<GetObjectAttributesResponse> GetAttributesAsync(
        AmazonS3Client client, string key, List<ObjectAttributes> attributes, int? maxParts = null, int? partNumberMarker = null) =>
        client.GetObjectAttributesAsync(new GetObjectAttributesRequest
        {
            BucketName = _bucket, Key = key, ObjectAttributes = attributes, MaxParts = maxParts, PartNumberMarker = partNumberMarker,
        });

    private async Task<CompleteMultipartUploadResponse> UploadCrc32Async(string key, byte[][] parts)
    {
        var create = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _bucket, Key = key, ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        });
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var response = await S3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = _bucket, Key = key, UploadId = create.UploadId, PartNumber = i + 1,
                InputStream = new MemoryStream(parts[i]), ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            });
            etags.Add(new PartETag(i + 1, response.ETag) { ChecksumCRC32 = response.ChecksumCRC32 });
        }
        return await S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket, Key = key, UploadId = create.UploadId, PartETags = etags,
        });
    }

    /// <summary>CRC32 as S3 renders it: big-endian.</summary>
    private static byte[] Crc32(byte[] data)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, System.IO.Hashing.Crc32.HashToUInt32(data));
        return bytes;
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
