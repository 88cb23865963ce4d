using S3Emulator.Core.Kms;
using static S3Emulator.Core.Tests.Kms.KmsTestKit;

namespace S3Emulator.Core.Tests.Kms;

public sealed class MockKeyManagementServiceCryptoTests
{
    private static readonly Dictionary<string, string> Context = new() { ["aws:s3:arn"] = "arn:aws:s3:::bucket/key", ["b"] = "2" };

    [Test]
    public void EncryptThenDecrypt_FindsTheKeyFromTheBlob()
    {
        var kms = Create();
        var key = kms.CreateKey();

        var encrypted = kms.Encrypt(key.KeyId, Bytes("hello"), Context);
        var decrypted = kms.Decrypt(encrypted.CiphertextBlob, new Dictionary<string, string> { ["b"] = "2", ["aws:s3:arn"] = "arn:aws:s3:::bucket/key" });

        Assert.That(decrypted.Plaintext, Is.EqualTo(Bytes("hello")));
        Assert.That(decrypted.KeyArn, Is.EqualTo(key.Arn));
    }

    [Test]
    public void Decrypt_WithAnyOtherContext_ThrowsInvalidCiphertextWithEmptyMessage()
    {
        var kms = Create();
        var blob = kms.Encrypt(kms.CreateKey().KeyId, Bytes("hello"), Context).CiphertextBlob;
        var others = new IReadOnlyDictionary<string, string>?[]
        {
            null,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["aws:s3:arn"] = "arn:aws:s3:::bucket/key" },
            new Dictionary<string, string> { ["aws:s3:arn"] = "arn:aws:s3:::bucket/other", ["b"] = "2" },
            new Dictionary<string, string> { ["aws:s3:arn"] = "arn:aws:s3:::bucket/key", ["b"] = "2", ["c"] = "" },
        };

        foreach (var context in others)
        {
            var error = Throws(() => kms.Decrypt(blob, context));
            Assert.That(error.Type, Is.EqualTo("InvalidCiphertextException"));
            Assert.That(error.Message, Is.Empty);
        }
    }

    [Test]
    public void Decrypt_OfTamperedOrForeignBlob_ThrowsInvalidCiphertext()
    {
        var kms = Create();
        var blob = kms.Encrypt(kms.CreateKey().KeyId, Bytes("hello")).CiphertextBlob;

        for (var i = 0; i < blob.Length; i++)
        {
            var tampered = (byte[])blob.Clone();
            tampered[i] ^= 0x01;
            Assert.That(Throws(() => kms.Decrypt(tampered)).Type, Is.EqualTo("InvalidCiphertextException"), $"byte {i}");
        }

        Assert.That(Throws(() => kms.Decrypt(blob[..^1])).Type, Is.EqualTo("InvalidCiphertextException"));
        Assert.That(Throws(() => kms.Decrypt([1, 2, 3])).Type, Is.EqualTo("InvalidCiphertextException"));
        Assert.That(Throws(() => Create().Decrypt(blob)).Type, Is.EqualTo("InvalidCiphertextException"));
    }

    [Test]
    public void Decrypt_NamingAnotherKey_ThrowsIncorrectKey()
    {
        var kms = Create();
        var blob = kms.Encrypt(kms.CreateKey().KeyId, Bytes("x")).CiphertextBlob;

        Assert.That(Throws(() => kms.Decrypt(blob, keyId: kms.CreateKey().KeyId)).Type, Is.EqualTo("IncorrectKeyException"));
    }

    [Test]
    public void ReEncrypt_MovesPlaintextToTheDestinationKeyAndContext()
    {
        var kms = Create();
        var source = kms.CreateKey();
        var destination = kms.CreateKey();
        var blob = kms.Encrypt(source.KeyId, Bytes("move"), Context).CiphertextBlob;

        var moved = kms.ReEncrypt(blob, destination.Arn, Context, new Dictionary<string, string> { ["to"] = "b" });

        Assert.That(moved.SourceKeyArn, Is.EqualTo(source.Arn));
        Assert.That(moved.KeyArn, Is.EqualTo(destination.Arn));
        Assert.That(kms.Decrypt(moved.CiphertextBlob, new Dictionary<string, string> { ["to"] = "b" }).Plaintext, Is.EqualTo(Bytes("move")));
    }

    [TestCase("AES_256", null, 32)]
    [TestCase("AES_128", null, 16)]
    [TestCase(null, 1, 1)]
    [TestCase(null, 1024, 1024)]
    public void GenerateDataKey_ReturnsRequestedSize_AndABlobThatDecryptsToIt(string? keySpec, int? bytes, int expected)
    {
        var kms = Create();
        var key = kms.CreateKey();

        var dataKey = kms.GenerateDataKey(key.KeyId, Context, keySpec, bytes);

        Assert.That(dataKey.Plaintext, Has.Length.EqualTo(expected));
        Assert.That(kms.Decrypt(dataKey.CiphertextBlob, Context).Plaintext, Is.EqualTo(dataKey.Plaintext));
    }

    [TestCase(null, null)]
    [TestCase("AES_256", 32)]
    [TestCase("AES_512", null)]
    [TestCase(null, 0)]
    [TestCase(null, 1025)]
    public void GenerateDataKey_WithBadSizeArguments_IsAValidationError(string? keySpec, int? bytes)
    {
        var kms = Create();
        var key = kms.CreateKey();

        Assert.That(Throws(() => kms.GenerateDataKey(key.KeyId, null, keySpec, bytes)).Type, Is.EqualTo("ValidationException"));
    }

    [Test]
    public void GenerateRandom_ReturnsRequestedBytes_AndRequiresACount()
    {
        var kms = Create();

        Assert.That(kms.GenerateRandom(100), Has.Length.EqualTo(100));
        Assert.That(Throws(() => kms.GenerateRandom(null)).Message, Is.EqualTo("NumberOfBytes is required."));
        Assert.That(Throws(() => kms.GenerateRandom(1025)).Type, Is.EqualTo("ValidationException"));
    }

    [Test]
    public async Task InterfaceMethods_GenerateAes256DataKeyAndDecryptIt()
    {
        IKeyManagementService kms = Create();

        var dataKey = await kms.GenerateDataKeyAsync("alias/aws/s3", Context, CancellationToken.None);
        var decrypted = await kms.DecryptAsync(dataKey.CiphertextBlob, Context, CancellationToken.None);

        Assert.That(dataKey.Plaintext, Has.Length.EqualTo(32));
        Assert.That(decrypted.Plaintext, Is.EqualTo(dataKey.Plaintext));
        Assert.That(decrypted.KeyArn, Is.EqualTo(dataKey.KeyArn));
    }

    [Test]
    public async Task ConcurrentUse_FromManyThreads_KeepsEveryKeyAndBlob()
    {
        var kms = Create();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            var key = kms.CreateKey();
            kms.CreateAlias($"alias/k{i}", key.KeyId);
            var blob = kms.Encrypt($"alias/k{i}", Bytes($"p{i}")).CiphertextBlob;
            return kms.Decrypt(blob).Plaintext;
        })));

        Assert.That(results.Select(r => System.Text.Encoding.UTF8.GetString(r)), Is.EqualTo(Enumerable.Range(0, 64).Select(i => $"p{i}")));
        Assert.That(kms.ListKeys(), Has.Count.EqualTo(64));
    }
}
