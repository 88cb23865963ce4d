using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

/// <summary>Multipart scenarios: a fresh bucket per test and the three steps of an upload through AWSSDK.S3.</summary>
public abstract class MultipartTestBase(Transport transport) : EmulatorTestBase(transport)
{
    protected const int MiB = 1024 * 1024;

    protected string Bucket { get; private set; } = "";

    [SetUp]
    public async Task CreateBucket() => Bucket = await CreateBucketAsync();

    protected async Task<string> CreateUploadAsync(string key, ChecksumAlgorithm? algorithm = null) =>
        (await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket, Key = key, ChecksumAlgorithm = algorithm,
        })).UploadId;

    /// <summary>Uploads each of <paramref name="parts"/> as parts 1…n; the ETags (and CRC32s) to complete with.</summary>
    protected async Task<List<PartETag>> UploadPartsAsync(string key, string uploadId, byte[][] parts, ChecksumAlgorithm? algorithm = null)
    {
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var response = await S3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = Bucket, Key = key, UploadId = uploadId, PartNumber = i + 1,
                InputStream = new MemoryStream(parts[i]), ChecksumAlgorithm = algorithm,
            });
            etags.Add(new PartETag(i + 1, response.ETag) { ChecksumCRC32 = response.ChecksumCRC32 });
        }
        return etags;
    }

    protected Task<CompleteMultipartUploadResponse> CompleteAsync(string key, string uploadId, List<PartETag> parts) =>
        S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket, Key = key, UploadId = uploadId, PartETags = parts,
        });
}
