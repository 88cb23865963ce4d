using System.Text.Json;
using S3Emulator.Core.Encryption;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

public sealed class CustomerKeysTests
{
    private static readonly byte[] CustomerKey = Key(50);

    [Test]
    public void SealThenTryUnseal_WithTheCustomerKey_ReturnsTheDataKey()
    {
        var dataKey = DataKeys.NewDataKey();
        var sealedKey = CustomerKeys.Seal(dataKey, CustomerKey, "bucket/key");

        Assert.That(CustomerKeys.TryUnseal(sealedKey, CustomerKey, "bucket/key", out var opened), Is.True);
        Assert.That(opened, Is.EqualTo(dataKey));
    }

    [Test]
    public void TryUnseal_WithAnotherKey_ReturnsFalse()
    {
        var sealedKey = CustomerKeys.Seal(Key(), CustomerKey, "b/k");

        Assert.That(CustomerKeys.TryUnseal(sealedKey, Key(51), "b/k", out var opened), Is.False);
        Assert.That(opened, Is.Null);
    }

    [Test]
    public void TryUnseal_WithADoubleEncodedKey_ReturnsFalse()
    {
        // What boto3 sends when given a base64 key without its MD5: 44 bytes. S3 answers AccessDenied.
        var sealedKey = CustomerKeys.Seal(Key(), CustomerKey, "b/k");
        var doubleEncoded = System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(CustomerKey));

        Assert.That(CustomerKeys.TryUnseal(sealedKey, doubleEncoded, "b/k", out _), Is.False);
    }

    [Test]
    public void TryUnseal_WithAnotherBinding_ReturnsFalse()
    {
        var sealedKey = CustomerKeys.Seal(Key(), CustomerKey, "b/k");

        Assert.That(CustomerKeys.TryUnseal(sealedKey, CustomerKey, "b/other", out _), Is.False);
    }

    [Test]
    public void SealedKey_ContainsNeitherTheCustomerKeyNorTheDataKey()
    {
        var sealedKey = CustomerKeys.Seal(Key(), CustomerKey, "b/k");

        Assert.That(sealedKey.AsSpan().IndexOf(CustomerKey.AsSpan(0, 8)), Is.EqualTo(-1));
        Assert.That(sealedKey.AsSpan().IndexOf(Key().AsSpan(0, 8)), Is.EqualTo(-1));
    }

    [Test]
    public void Seal_WithACustomerKeyOfTheWrongLength_Throws()
    {
        Assert.That(() => CustomerKeys.Seal(Key(), new byte[16], "b/k"), Throws.ArgumentException);
    }

    [Test]
    public void SealedUnderTheMasterKey_DoesNotOpenWithTheSameBytesAsCustomerKey()
    {
        // Distinct HKDF labels: one secret used in both roles still yields unrelated wrapping keys.
        var sealedKey = MasterKey.FromBytes(CustomerKey).Seal(Key(), "b/k");

        Assert.That(CustomerKeys.TryUnseal(sealedKey, CustomerKey, "b/k", out _), Is.False);
    }

    [Test]
    public void Fingerprint_MatchesTheKeyItWasMadeFromOnly()
    {
        var fingerprint = CustomerKeyFingerprint.Create(CustomerKey);

        Assert.That(fingerprint.Matches(CustomerKey), Is.True);
        Assert.That(fingerprint.Matches(Key(51)), Is.False);
        Assert.That(fingerprint.Matches(CustomerKey.AsSpan(0, 31)), Is.False);
    }

    [Test]
    public void Fingerprints_OfOneKey_AreSaltedApartAndDoNotContainTheKey()
    {
        var first = CustomerKeyFingerprint.Create(CustomerKey);
        var second = CustomerKeyFingerprint.Create(CustomerKey);

        Assert.That(first.Salt, Has.Length.EqualTo(16).And.Not.EqualTo(second.Salt));
        Assert.That(first.Mac, Has.Length.EqualTo(32).And.Not.EqualTo(second.Mac));
        Assert.That(first.Mac.AsSpan().IndexOf(CustomerKey.AsSpan(0, 8)), Is.EqualTo(-1));
    }

    [Test]
    public void Fingerprint_SurvivesAJsonRoundTrip()
    {
        var json = JsonSerializer.Serialize(CustomerKeyFingerprint.Create(CustomerKey));

        var restored = JsonSerializer.Deserialize<CustomerKeyFingerprint>(json)!;

        Assert.That(restored.Matches(CustomerKey), Is.True);
        Assert.That(restored.Matches(Key(51)), Is.False);
    }

    [Test]
    public void Fingerprint_WithDamagedFields_MatchesNothing()
    {
        var fingerprint = CustomerKeyFingerprint.Create(CustomerKey);

        Assert.That((fingerprint with { Mac = fingerprint.Mac[..16] }).Matches(CustomerKey), Is.False);
        Assert.That((fingerprint with { Salt = [] }).Matches(CustomerKey), Is.False);
    }
}
