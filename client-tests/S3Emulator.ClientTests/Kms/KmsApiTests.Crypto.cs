using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace S3Emulator.ClientTests.Kms;

/// <summary>Encrypt, Decrypt, ReEncrypt, data keys and random bytes through the SDK.</summary>
public sealed partial class KmsApiTests
{
    [Test]
    public async Task EncryptThenDecrypt_WithContext_ReturnsPlaintextAndKeyArn()
    {
        var key = await Kms.CreateKeyAsync(new CreateKeyRequest());
        var context = new Dictionary<string, string> { ["purpose"] = "test", ["aws:s3:arn"] = "arn:aws:s3:::b/k" };

        var encrypted = await Kms.EncryptAsync(new EncryptRequest
        {
            KeyId = key.KeyMetadata.KeyId, Plaintext = Stream("secret text"), EncryptionContext = context,
        });
        var decrypted = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(encrypted.CiphertextBlob), EncryptionContext = context });

        Assert.That(encrypted.KeyId, Is.EqualTo(key.KeyMetadata.Arn));
        Assert.That(encrypted.EncryptionAlgorithm, Is.EqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT));
        Assert.That(Encoding.UTF8.GetString(decrypted.Plaintext.ToArray()), Is.EqualTo("secret text"));
        Assert.That(decrypted.KeyId, Is.EqualTo(key.KeyMetadata.Arn));
    }

    [Test]
    public async Task Decrypt_WithOtherContextOrTamperedBlob_ThrowsInvalidCiphertextWithEmptyMessage()
    {
        var key = await CreateKeyAsync();
        var encrypted = await Kms.EncryptAsync(new EncryptRequest
        {
            KeyId = key, Plaintext = Stream("x"), EncryptionContext = new() { ["a"] = "1" },
        });
        var tampered = encrypted.CiphertextBlob.ToArray();
        tampered[^1] ^= 1;

        var wrongContext = await ExpectAsync<InvalidCiphertextException>(() => Kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Copy(encrypted.CiphertextBlob), EncryptionContext = new() { ["a"] = "2" },
        }));
        await ExpectAsync<InvalidCiphertextException>(() => Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(encrypted.CiphertextBlob) }));
        await ExpectAsync<InvalidCiphertextException>(() => Kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = new MemoryStream(tampered), EncryptionContext = new() { ["a"] = "1" },
        }));
        // KMS sends an empty message; the SDK then puts the response body into Message instead.
        Assert.That(wrongContext.Message, Does.Contain("\"message\":\"\""));
    }

    [Test]
    public async Task Decrypt_NamingAnotherKey_ThrowsIncorrectKey()
    {
        var key = await CreateKeyAsync();
        var other = await CreateKeyAsync();
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = key, Plaintext = Stream("x") });

        await ExpectAsync<IncorrectKeyException>(() =>
            Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(encrypted.CiphertextBlob), KeyId = other }));
    }

    [Test]
    public async Task ReEncrypt_MovesCiphertextToDestinationKeyAndContext()
    {
        var source = await Kms.CreateKeyAsync(new CreateKeyRequest());
        var destination = await Kms.CreateKeyAsync(new CreateKeyRequest());
        var encrypted = await Kms.EncryptAsync(new EncryptRequest
        {
            KeyId = source.KeyMetadata.KeyId, Plaintext = Stream("move me"), EncryptionContext = new() { ["from"] = "a" },
        });

        var moved = await Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Copy(encrypted.CiphertextBlob),
            SourceEncryptionContext = new() { ["from"] = "a" },
            DestinationKeyId = destination.KeyMetadata.Arn,
            DestinationEncryptionContext = new() { ["to"] = "b" },
        });
        var decrypted = await Kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Copy(moved.CiphertextBlob), EncryptionContext = new() { ["to"] = "b" },
        });

        Assert.That(moved.SourceKeyId, Is.EqualTo(source.KeyMetadata.Arn));
        Assert.That(moved.KeyId, Is.EqualTo(destination.KeyMetadata.Arn));
        Assert.That(decrypted.KeyId, Is.EqualTo(destination.KeyMetadata.Arn));
        Assert.That(Encoding.UTF8.GetString(decrypted.Plaintext.ToArray()), Is.EqualTo("move me"));
    }

    [Test]
    public async Task GenerateDataKey_ReturnsKeyOfRequestedSize_WhoseBlobDecryptsToIt()
    {
        var key = await CreateKeyAsync();
        var context = new Dictionary<string, string> { ["aws:s3:arn"] = "arn:aws:s3:::bucket/key" };

        var aes256 = await Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key, KeySpec = DataKeySpec.AES_256, EncryptionContext = context });
        var aes128 = await Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key, KeySpec = DataKeySpec.AES_128 });
        var bytes = await Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key, NumberOfBytes = 64 });
        var withoutPlaintext = await Kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest
        {
            KeyId = key, KeySpec = DataKeySpec.AES_256,
        });
        var decrypted = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(aes256.CiphertextBlob), EncryptionContext = context });
        var decryptedWithout = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(withoutPlaintext.CiphertextBlob) });

        Assert.That(aes256.Plaintext.Length, Is.EqualTo(32));
        Assert.That(aes128.Plaintext.Length, Is.EqualTo(16));
        Assert.That(bytes.Plaintext.Length, Is.EqualTo(64));
        Assert.That(decrypted.Plaintext.ToArray(), Is.EqualTo(aes256.Plaintext.ToArray()));
        Assert.That(withoutPlaintext.KeyId, Does.EndWith(key));
        Assert.That(decryptedWithout.Plaintext.Length, Is.EqualTo(32));
    }

    [Test]
    public async Task GenerateDataKey_WithBothKeySpecAndNumberOfBytes_IsAValidationError()
    {
        var key = await CreateKeyAsync();

        var error = await ExpectAsync<AmazonKeyManagementServiceException>( () =>
            Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key, KeySpec = DataKeySpec.AES_256, NumberOfBytes = 32 }));

        Assert.That(error.ErrorCode, Is.EqualTo("ValidationException"));
    }

    [Test]
    public async Task GenerateRandom_ReturnsRequestedNumberOfBytes()
    {
        var random = await Kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 48 });

        Assert.That(random.Plaintext.Length, Is.EqualTo(48));
    }
}
