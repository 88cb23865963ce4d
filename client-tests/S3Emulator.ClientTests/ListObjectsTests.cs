using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

public sealed class ListObjectsTests(Transport transport) : EmulatorTestBase(transport)
{
    /// <summary>With delimiter "/": two keys and three common prefixes, five entries in all.</summary>
    private static readonly string[] TreeKeys = ["a.txt", "b/1", "b/2", "c/1", "c/2", "c/3", "d.txt", "e/x/1"];

    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync();

    [Test]
    public async Task ListObjectsV2_WithoutDelimiter_ReturnsKeysInOrderWithTheirAttributes()
    {
        await PutAllAsync(["b", "a", "c/d"]);

        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });

        Assert.That(response.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "a", "b", "c/d" }));
        Assert.That(response.KeyCount, Is.EqualTo(3));
        Assert.That(response.IsTruncated, Is.False);
        Assert.That(response.CommonPrefixes, Is.Null.Or.Empty);
        var first = response.S3Objects[0];
        Assert.That(first.ETag, Is.EqualTo("\"0cc175b9c0f1b6a831c399e269772661\""));
        Assert.That(first.Size, Is.EqualTo(1));
        Assert.That(first.StorageClass?.Value, Is.EqualTo("STANDARD"));
        Assert.That(first.LastModified, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        // AWSSDK.S3 v4 sends a CRC32 with every PutObject by default, and S3 keeps it.
        Assert.That(first.ChecksumAlgorithm, Is.EqualTo(new[] { "CRC32" }));
        Assert.That(first.ChecksumType, Is.EqualTo(ChecksumType.FULL_OBJECT));
        Assert.That(first.Owner, Is.Null);
    }

    [Test]
    public async Task ListObjectsV2_WithDelimiterAndSmallPages_ReturnsEveryKeyAndCommonPrefixExactlyOnce()
    {
        await PutAllAsync(TreeKeys);
        var keys = new List<string>();
        var prefixes = new List<string>();
        var pages = 0;
        string? token = null;

        do
        {
            var response = await S3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = _bucket, Delimiter = "/", MaxKeys = 2, ContinuationToken = token,
            });
            pages++;
            keys.AddRange(response.S3Objects?.Select(o => o.Key) ?? []);
            prefixes.AddRange(response.CommonPrefixes ?? []);
            Assert.That(response.KeyCount, Is.EqualTo((response.S3Objects?.Count ?? 0) + (response.CommonPrefixes?.Count ?? 0)));
            Assert.That(response.KeyCount, Is.LessThanOrEqualTo(2));
            token = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (token is not null);

        Assert.That(keys, Is.EqualTo(new[] { "a.txt", "d.txt" }));
        Assert.That(prefixes, Is.EqualTo(new[] { "b/", "c/", "e/" }));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task ListObjectsV2_Paginator_CoversEveryKeyOfAManyPageListing()
    {
        var expected = Enumerable.Range(0, 25).Select(i => $"k{i:D3}").ToArray();
        await PutAllAsync(expected);
        var listed = new List<string>();

        var paginator = S3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 7 });
        await foreach (var response in paginator.Responses)
        {
            listed.AddRange(response.S3Objects?.Select(o => o.Key) ?? []);
        }

        Assert.That(listed, Is.EqualTo(expected));
    }

    [Test]
    public async Task ListObjectsV1_WithDelimiterAndSmallPages_PagesByNextMarker()
    {
        await PutAllAsync(TreeKeys);
        var keys = new List<string>();
        var prefixes = new List<string>();
        var markers = new List<string>();
        string? marker = null;

        do
        {
            var response = await S3.ListObjectsAsync(new ListObjectsRequest
            {
                BucketName = _bucket, Delimiter = "/", MaxKeys = 2, Marker = marker,
            });
            keys.AddRange(response.S3Objects?.Select(o => o.Key) ?? []);
            prefixes.AddRange(response.CommonPrefixes ?? []);
            marker = response.IsTruncated == true ? response.NextMarker : null;
            if (marker is not null) markers.Add(marker);
        }
        while (marker is not null);

        Assert.That(keys, Is.EqualTo(new[] { "a.txt", "d.txt" }));
        Assert.That(prefixes, Is.EqualTo(new[] { "b/", "c/", "e/" }));
        Assert.That(markers, Is.EqualTo(new[] { "b/", "d.txt" }));
    }

    [Test]
    public async Task ListObjectsV1_WithoutDelimiter_ResumesAfterTheLastKey()
    {
        await PutAllAsync(["a", "b", "c"]);

        var first = await S3.ListObjectsAsync(new ListObjectsRequest { BucketName = _bucket, MaxKeys = 2 });
        var second = await S3.ListObjectsAsync(new ListObjectsRequest { BucketName = _bucket, MaxKeys = 2, Marker = first.S3Objects[^1].Key });

        Assert.That(first.IsTruncated, Is.True);
        // S3 sends no NextMarker without a delimiter; the SDK fills it in from the last key.
        Assert.That(first.NextMarker, Is.EqualTo("b"));
        Assert.That(first.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(second.IsTruncated, Is.False);
        Assert.That(second.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public async Task ListObjectsV1_ReturnsOwnerOfEachObject()
    {
        await PutAllAsync(["a"]);

        var response = await S3.ListObjectsAsync(new ListObjectsRequest { BucketName = _bucket });

        Assert.That(response.S3Objects.Single().Owner.Id, Has.Length.EqualTo(64));
    }

    [Test]
    public async Task ListObjectsV2_WithFetchOwner_ReturnsOwnerOfEachObject()
    {
        await PutAllAsync(["a"]);

        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, FetchOwner = true });

        Assert.That(response.S3Objects.Single().Owner.Id, Has.Length.EqualTo(64));
    }

    [Test]
    public async Task ListObjectsV2_WithPrefixAndDelimiter_RollsUpBelowThePrefix()
    {
        await PutAllAsync(["photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/index.html", "videos/v.mp4"]);

        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = "photos/", Delimiter = "/" });

        Assert.That(response.Prefix, Is.EqualTo("photos/"));
        Assert.That(response.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "photos/index.html" }));
        Assert.That(response.CommonPrefixes, Is.EqualTo(new[] { "photos/2024/", "photos/2025/" }));
        Assert.That(response.KeyCount, Is.EqualTo(3));
    }

    [Test]
    public async Task ListObjectsV2_WithStartAfter_ListsOnlyLaterKeysAndEchoesIt()
    {
        await PutAllAsync(["a", "b", "c", "d"]);

        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, StartAfter = "b" });

        Assert.That(response.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "c", "d" }));
        Assert.That(response.StartAfter, Is.EqualTo("b"));
    }

    [Test]
    public async Task ListObjectsV2_WithContinuationToken_EchoesItAndResumesAfterThePreviousPage()
    {
        await PutAllAsync(["a", "b", "c"]);

        var first = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 1 });
        var second = await S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = _bucket, MaxKeys = 1, ContinuationToken = first.NextContinuationToken,
        });

        Assert.That(first.IsTruncated, Is.True);
        Assert.That(first.NextContinuationToken, Is.Not.Null.And.Not.Empty);
        Assert.That(second.ContinuationToken, Is.EqualTo(first.NextContinuationToken));
        Assert.That(second.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public async Task ListObjectsV2_WithMaxKeysZero_ReturnsNothingAndIsNotTruncated()
    {
        await PutAllAsync(["a"]);

        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 0 });

        Assert.That(response.S3Objects, Is.Null.Or.Empty);
        Assert.That(response.KeyCount, Is.EqualTo(0));
        Assert.That(response.MaxKeys, Is.EqualTo(0));
        Assert.That(response.IsTruncated, Is.False);
    }

    [Test]
    public async Task ListObjectsV2_WithMaxKeysAboveOneThousand_IsCappedAtOneThousand()
    {
        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 5000 });

        Assert.That(response.MaxKeys, Is.EqualTo(1000));
    }

    [Test]
    public async Task ListObjectsV2_WithNegativeMaxKeys_ReturnsInvalidArgument()
    {
        var error = await ExpectS3ErrorAsync(() => S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = -1 }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task ListObjectsV2_WithMadeUpContinuationToken_ReturnsInvalidArgument()
    {
        var error = await ExpectS3ErrorAsync(() => S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = _bucket, ContinuationToken = "not-a-token",
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Message, Is.EqualTo("The continuation token provided is incorrect"));
    }

    [Test]
    public async Task ListObjectsV2_WithUnknownEncodingType_ReturnsInvalidArgument()
    {
        var error = await ExpectS3ErrorAsync(() => S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = _bucket, Encoding = EncodingType.FindValue("base64"),
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Message, Is.EqualTo("Invalid Encoding Method specified in Request"));
    }

    [Test]
    public async Task ListObjectsV2_WithEncodingTypeUrl_PercentEncodesKeysAndPrefixes_KeepingSlashes()
    {
        string[] keys = ["dir one/a b.txt", "dir one/a+b.txt", "grüße/ü.txt", "100%.csv"];
        await PutAllAsync(keys);

        var flat = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Encoding = EncodingType.Url });
        var rolled = await S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = _bucket, Encoding = EncodingType.Url, Delimiter = "/", StartAfter = "a b",
        });

        // The SDK hands back what S3 sent: the caller asked for encoded keys and must decode them.
        Assert.That(flat.S3Objects.Select(o => o.Key),
            Is.EqualTo(new[] { "100%25.csv", "dir%20one/a%20b.txt", "dir%20one/a%2Bb.txt", "gr%C3%BC%C3%9Fe/%C3%BC.txt" }));
        Assert.That(flat.Encoding, Is.EqualTo(EncodingType.Url));
        Assert.That(rolled.CommonPrefixes, Is.EqualTo(new[] { "dir%20one/", "gr%C3%BC%C3%9Fe/" }));
        Assert.That(rolled.StartAfter, Is.EqualTo("a%20b"));
        Assert.That(rolled.Delimiter, Is.EqualTo("/"));
        foreach (var key in flat.S3Objects.Select(o => Uri.UnescapeDataString(o.Key)))
        {
            Assert.That(await GetTextAsync(_bucket, key), Is.EqualTo(key));
        }
    }

    [Test]
    public async Task ListObjectsV1_WithEncodingTypeUrl_PercentEncodesKeysPrefixesAndMarkers()
    {
        await PutAllAsync(["x y/1", "x+y/2", "ключ"]);

        var response = await S3.ListObjectsAsync(new ListObjectsRequest
        {
            BucketName = _bucket, Encoding = EncodingType.Url, Delimiter = "/", Prefix = "", Marker = "a b",
        });

        Assert.That(response.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "%D0%BA%D0%BB%D1%8E%D1%87" }));
        Assert.That(response.CommonPrefixes, Is.EqualTo(new[] { "x%20y/", "x%2By/" }));
        Assert.That(response.Marker, Is.EqualTo("a%20b"));
    }

    [Test]
    public async Task ListObjectsV1_WithEncodingTypeUrl_LeavesThePrefixAsSent()
    {
        await PutAllAsync(["x y/1", "x y/2"]);

        var response = await S3.ListObjectsAsync(new ListObjectsRequest
        {
            BucketName = _bucket, Encoding = EncodingType.Url, Prefix = "x y/", Delimiter = "/",
        });

        // S3 (and botocore's decoder, which leaves V1's Prefix alone) encodes V1's keys but not its Prefix.
        Assert.That(response.Prefix, Is.EqualTo("x y/"));
        Assert.That(response.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "x%20y/1", "x%20y/2" }));
    }

    [Test]
    public async Task ListObjectsV2_WithEncodingTypeUrl_EncodesThePrefix()
    {
        await PutAllAsync(["x y/1"]);

        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = _bucket, Encoding = EncodingType.Url, Prefix = "x y/",
        });

        Assert.That(response.Prefix, Is.EqualTo("x%20y/"));
        Assert.That(response.S3Objects.Single().Key, Is.EqualTo("x%20y/1"));
    }

    [Test]
    public async Task ListObjectsV2_WithAnEmptyContinuationToken_ReturnsInvalidArgument()
    {
        await PutAllAsync(["a"]);

        // The SDK sends a set but empty token as "continuation-token=", as botocore does for ContinuationToken=''.
        var error = await ExpectS3ErrorAsync(() => S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = _bucket, ContinuationToken = "",
        }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Message, Is.EqualTo("The continuation token provided is incorrect"));
    }

    [Test]
    public async Task ListObjects_OnMissingBucket_ReturnsNoSuchBucket()
    {
        var error = await ExpectS3ErrorAsync(() => S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] }));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchBucket"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ListObjects_OnEmptyBucket_ReturnsNoContents()
    {
        var v1 = await S3.ListObjectsAsync(new ListObjectsRequest { BucketName = _bucket });
        var v2 = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });

        Assert.That(v1.S3Objects, Is.Null.Or.Empty);
        Assert.That(v1.IsTruncated, Is.False);
        Assert.That(v2.S3Objects, Is.Null.Or.Empty);
        Assert.That(v2.KeyCount, Is.EqualTo(0));
    }

    private async Task PutAllAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys) await PutTextAsync(_bucket, key, key);
    }
}
