using System.Text;

namespace S3Emulator.Core.Tests.Storage;

public abstract partial class ObjectStoreContractTests
{
    private const string Emoji = "\U0001F600";

    private static readonly string[] MixedKeys =
        ["b", "a", "a/b", "a0", "A", "\uFFFD", Emoji, "\uE000", "é", "a/", "a b", "a%2F", "a+b", "z"];

    [Test]
    public async Task ListObjects_ReturnsKeysInUtf8ByteOrder()
    {
        foreach (var key in MixedKeys) await PutAsync(key, [1]);

        Store = Reopen(Store);
        var listed = await ListKeysAsync();

        Assert.That(listed, Is.EqualTo(MixedKeys.OrderBy(Encoding.UTF8.GetBytes, ByteOrder.Instance)));
    }

    [Test]
    public async Task ListObjects_PutsAKeyAboveUFFFFAfterUFFFD()
    {
        // UTF-16 ordinal order would put the emoji's surrogates (0xD83D) before U+FFFD; S3 orders by UTF-8 bytes.
        await PutAsync(Emoji, [1]);
        await PutAsync("\uFFFD", [1]);
        await PutAsync("\uE000", [1]);

        Assert.That(await ListKeysAsync(), Is.EqualTo(new[] { "\uE000", "\uFFFD", Emoji }));
        Assert.That(await ListKeysAsync(after: "\uFFFD"), Is.EqualTo(new[] { Emoji }));
    }

    [Test]
    public async Task ListObjects_WithPrefix_ReturnsOnlyKeysStartingWithIt()
    {
        foreach (var key in MixedKeys) await PutAsync(key, [1]);

        Assert.That(await ListKeysAsync(prefix: "a/"), Is.EqualTo(new[] { "a/", "a/b" }));
        Assert.That(await ListKeysAsync(prefix: "a"), Is.EqualTo(new[] { "a", "a b", "a%2F", "a+b", "a/", "a/b", "a0" }));
        Assert.That(await ListKeysAsync(prefix: "nothing"), Is.Empty);
    }

    [Test]
    public async Task ListObjects_WithAfter_StartsAfterThatKey()
    {
        foreach (var key in new[] { "a", "b", "c", "d" }) await PutAsync(key, [1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ListKeysAsync(after: "b"), Is.EqualTo(new[] { "c", "d" }));
            Assert.That(await ListKeysAsync(after: "bb"), Is.EqualTo(new[] { "c", "d" }));
            Assert.That(await ListKeysAsync(after: ""), Is.EqualTo(new[] { "a", "b", "c", "d" }));
            Assert.That(await ListKeysAsync(after: "d"), Is.Empty);
        }
    }

    [Test]
    public async Task ListObjects_WithPrefixAndAfter_AppliesBoth()
    {
        foreach (var key in new[] { "a", "p/1", "p/2", "p/3", "q" }) await PutAsync(key, [1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ListKeysAsync(prefix: "p/", after: "p/1"), Is.EqualTo(new[] { "p/2", "p/3" }));
            Assert.That(await ListKeysAsync(prefix: "p/", after: "a"), Is.EqualTo(new[] { "p/1", "p/2", "p/3" }));
            Assert.That(await ListKeysAsync(prefix: "p/", after: "p/3"), Is.Empty);
            Assert.That(await ListKeysAsync(prefix: "p/", after: "q"), Is.Empty);
        }
    }

    [Test]
    public async Task ListObjects_OverManyKeys_ReturnsEachKeyOnceInOrder()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => $"k/{i:D4}").ToArray();
        foreach (var key in keys.Reverse()) await PutAsync(key, []);

        Assert.That(await ListKeysAsync(prefix: "k/"), Is.EqualTo(keys));
    }

    [TestCaseSource(nameof(OddKeys))]
    public async Task PutObject_WithAnOddKey_RoundTripsTheKey(string key)
    {
        var content = Payload(100, seed: key.Length);
        await PutAsync(key, content);
        await PutAsync(key + "-sibling", [1]);

        Store = Reopen(Store);

        Assert.That((await Store.GetObjectInfoAsync(BucketName, key, Ct))!.Key, Is.EqualTo(key));
        Assert.That(await ReadAsync(key), Is.EqualTo(content));
        Assert.That(await ListKeysAsync(prefix: key), Is.EqualTo(new[] { key, key + "-sibling" }));
        Assert.That(await Store.DeleteObjectAsync(BucketName, key, Ct), Is.True);
        Assert.That(await ListKeysAsync(), Is.EqualTo(new[] { key + "-sibling" }));
    }

    private static IEnumerable<TestCaseData> OddKeys()
    {
        string[] keys =
        [
            "a/../b", "//x", "%2F", "with space", "a+b", "../../escape", ".", "..", "back\\slash", "CON", "nul.txt",
            "line\nbreak", "ünïcödé/日本語", Emoji + " smile", "trailing/", "*?<>|:\"",
        ];
        foreach (var key in keys) yield return new TestCaseData(key).SetArgDisplayNames(Escape(key));
        yield return new TestCaseData(new string('k', 1024)).SetArgDisplayNames("1024 ASCII bytes");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("é", 512))).SetArgDisplayNames("1024 UTF-8 bytes");

        static string Escape(string key) => key.Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>Unsigned lexicographic byte order, written independently of the store's comparer.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
