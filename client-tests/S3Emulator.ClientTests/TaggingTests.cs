using System.Net;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

public sealed class TaggingTests(Transport transport) : EmulatorTestBase(transport)
{
    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync();

    [Test]
    public async Task PutObjectTagging_ThenGet_ReturnsTags_AndGetObjectCountsThem()
    {
        await PutTextAsync(_bucket, "k", "v");

        await S3.PutObjectTaggingAsync(new PutObjectTaggingRequest
        {
            BucketName = _bucket, Key = "k",
            Tagging = new Tagging { TagSet = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b c", Value = "x=y&z" }] },
        });
        var tags = await S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = _bucket, Key = "k" });
        using var get = await S3.GetObjectAsync(_bucket, "k");

        Assert.That(tags.Tagging.ToDictionary(t => t.Key, t => t.Value),
            Is.EqualTo(new Dictionary<string, string> { ["a"] = "1", ["b c"] = "x=y&z" }));
        Assert.That(get.TagCount, Is.EqualTo(2));
    }

    [Test]
    public async Task PutObject_WithTaggingHeader_StoresDecodedTags()
    {
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "v", TagSet = [new Tag { Key = "env", Value = "test value" }],
        });

        var tags = await S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = _bucket, Key = "k" });

        Assert.That(tags.Tagging.Single().Value, Is.EqualTo("test value"));
    }

    [Test]
    public async Task DeleteObjectTagging_RemovesAllTags()
    {
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "v", TagSet = [new Tag { Key = "env", Value = "x" }],
        });

        var deleted = await S3.DeleteObjectTaggingAsync(new DeleteObjectTaggingRequest { BucketName = _bucket, Key = "k" });
        var tags = await S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = _bucket, Key = "k" });

        Assert.That(deleted.HttpStatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(tags.Tagging ?? [], Is.Empty);
    }

    [Test]
    public async Task PutObjectTagging_WithElevenTags_ReturnsInvalidTag()
    {
        await PutTextAsync(_bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectTaggingAsync(new PutObjectTaggingRequest
        {
            BucketName = _bucket, Key = "k",
            Tagging = new Tagging { TagSet = Enumerable.Range(0, 11).Select(i => new Tag { Key = $"k{i}", Value = "v" }).ToList() },
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidTag"));
    }

    [Test]
    public async Task GetObjectTagging_OnMissingKey_ReturnsNoSuchKey()
    {
        var error = await ExpectS3ErrorAsync(() => S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = _bucket, Key = "nope" }));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchKey"));
    }
}
