using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

public sealed class CopyObjectTests(Transport transport) : EmulatorTestBase(transport)
{
    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync();

    [Test]
    public async Task CopyObject_ByDefault_CopiesBytesMetadataAndTags()
    {
        var put = new PutObjectRequest { BucketName = _bucket, Key = "src", ContentBody = "payload", ContentType = "text/csv" };
        put.Metadata.Add("origin", "source");
        put.TagSet = [new Tag { Key = "team", Value = "blue" }];
        var source = await S3.PutObjectAsync(put);

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = _bucket, SourceKey = "src", DestinationBucket = _bucket, DestinationKey = "dst",
        });
        using var get = await S3.GetObjectAsync(_bucket, "dst");
        var tags = await S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = _bucket, Key = "dst" });

        Assert.That(copy.ETag, Is.EqualTo(source.ETag));
        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo("payload"));
        Assert.That(get.Headers.ContentType, Is.EqualTo("text/csv"));
        Assert.That(get.Metadata["x-amz-meta-origin"], Is.EqualTo("source"));
        Assert.That(tags.Tagging.Single().Value, Is.EqualTo("blue"));
    }

    [Test]
    public async Task CopyObject_WithReplaceDirectives_TakesRequestMetadataAndTags()
    {
        var put = new PutObjectRequest { BucketName = _bucket, Key = "src", ContentBody = "payload" };
        put.Metadata.Add("origin", "source");
        put.TagSet = [new Tag { Key = "team", Value = "blue" }];
        await S3.PutObjectAsync(put);
        var copyRequest = new CopyObjectRequest
        {
            SourceBucket = _bucket, SourceKey = "src", DestinationBucket = _bucket, DestinationKey = "dst",
            MetadataDirective = S3MetadataDirective.REPLACE, ContentType = "application/json",
            TaggingDirective = TaggingDirective.REPLACE, TagSet = [new Tag { Key = "team", Value = "red" }],
        };
        copyRequest.Metadata.Add("origin", "copy");

        await S3.CopyObjectAsync(copyRequest);
        var head = await S3.GetObjectMetadataAsync(_bucket, "dst");
        var tags = await S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = _bucket, Key = "dst" });

        Assert.That(head.Metadata["x-amz-meta-origin"], Is.EqualTo("copy"));
        Assert.That(head.Headers.ContentType, Is.EqualTo("application/json"));
        Assert.That(tags.Tagging.Single().Value, Is.EqualTo("red"));
    }

    [TestCase("a/../b c%2F+x.txt")]
    [TestCase("ünï cödé/ключ")]
    [TestCase("a//double//slash")]
    public async Task CopyObject_WithEncodedSourceKey_FindsTheSource(string key)
    {
        await PutTextAsync(_bucket, key, "odd key");

        await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = _bucket, SourceKey = key, DestinationBucket = _bucket, DestinationKey = key + ".copy",
        });

        Assert.That(await GetTextAsync(_bucket, key + ".copy"), Is.EqualTo("odd key"));
    }

    [Test]
    public async Task CopyObject_OntoItselfWithoutChanges_ReturnsInvalidRequest()
    {
        await PutTextAsync(_bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = _bucket, SourceKey = "k", DestinationBucket = _bucket, DestinationKey = "k",
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidRequest"));
    }

    [Test]
    public async Task CopyObject_WithFailingCopySourceIfMatch_ReturnsPreconditionFailed()
    {
        await PutTextAsync(_bucket, "src", "v");

        var error = await ExpectS3ErrorAsync(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = _bucket, SourceKey = "src", DestinationBucket = _bucket, DestinationKey = "dst", ETagToMatch = "\"nope\"",
        }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "dst"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task CopyObject_FromMissingKey_ReturnsNoSuchKey()
    {
        var error = await ExpectS3ErrorAsync(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = _bucket, SourceKey = "missing", DestinationBucket = _bucket, DestinationKey = "dst",
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchKey"));
    }
}
