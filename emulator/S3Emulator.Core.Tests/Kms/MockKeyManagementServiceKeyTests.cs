using S3Emulator.Core.Kms;
using static S3Emulator.Core.Tests.Kms.KmsTestKit;

namespace S3Emulator.Core.Tests.Kms;

public sealed class MockKeyManagementServiceKeyTests
{
    [Test]
    public void CreateKey_ReturnsEnabledCustomerKey_WithUuidAndArn()
    {
        var kms = Create();

        var key = kms.CreateKey("orders");

        Assert.That(Guid.TryParseExact(key.KeyId, "D", out _), Is.True);
        Assert.That(key.Arn, Is.EqualTo($"arn:aws:kms:{Region}:{Account}:key/{key.KeyId}"));
        Assert.That(key.KeyState, Is.EqualTo(KmsKeyState.Enabled));
        Assert.That(key.KeyManager, Is.EqualTo("CUSTOMER"));
        Assert.That(key.CreationDate, Is.EqualTo(Start));
        Assert.That(kms.ListKeys().Select(k => k.KeyId), Is.EqualTo(new[] { key.KeyId }));
    }

    [Test]
    public void DescribeKey_AcceptsIdArnAliasAndAliasArn()
    {
        var kms = Create();
        var key = kms.CreateKey();
        kms.CreateAlias("alias/orders", key.KeyId);

        var inputs = new[] { key.KeyId, key.KeyId.ToUpperInvariant(), key.Arn, "alias/orders", $"arn:aws:kms:{Region}:{Account}:alias/orders" };

        Assert.That(inputs.Select(i => kms.DescribeKey(i).KeyId), Has.All.EqualTo(key.KeyId));
    }

    [TestCase("fake-key-id", "Invalid keyId 'fake-key-id'")]
    [TestCase("1234abcd-12ab-34cd-56ef-1234567890ab", "Key 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist")]
    [TestCase("arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "Invalid arn us-west-2")]
    [TestCase("arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "Key 'arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist")]
    [TestCase("alias/missing", "Alias arn:aws:kms:eu-west-1:111122223333:alias/missing is not found.")]
    public void DescribeKey_OfUnknownKey_ThrowsNotFoundWithAwsMessage(string keyId, string message)
    {
        var error = Throws(() => Create().DescribeKey(keyId));

        Assert.That(error.Type, Is.EqualTo("NotFoundException"));
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(error.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void DisabledKey_RefusesCrypto_UntilEnabled()
    {
        var kms = Create();
        var key = kms.CreateKey();

        kms.DisableKey(key.KeyId);
        var error = Throws(() => kms.Encrypt(key.KeyId, Bytes("x")));
        var arn = kms.ResolveKeyArnAsync(key.KeyId, requireUsable: false, CancellationToken.None).AsTask().Result;
        kms.EnableKey(key.KeyId);

        Assert.That(error.Type, Is.EqualTo("DisabledException"));
        Assert.That(error.Message, Is.EqualTo($"{key.Arn} is disabled."));
        Assert.That(arn, Is.EqualTo(key.Arn));
        Assert.That(kms.Encrypt(key.KeyId, Bytes("x")).KeyArn, Is.EqualTo(key.Arn));
    }

    [Test]
    public void ScheduleKeyDeletion_DefaultsToThirtyDays_AndBlocksUseAndEnable()
    {
        var kms = Create();
        var key = kms.CreateKey();
        var blob = kms.Encrypt(key.KeyId, Bytes("x")).CiphertextBlob;

        var scheduled = kms.ScheduleKeyDeletion(key.KeyId);

        Assert.That(scheduled.KeyState, Is.EqualTo(KmsKeyState.PendingDeletion));
        Assert.That(scheduled.PendingDeletionWindowInDays, Is.EqualTo(30));
        Assert.That(scheduled.DeletionDate, Is.EqualTo(Start.AddDays(30)));
        foreach (var action in new Action[] { () => kms.Decrypt(blob), () => kms.GenerateDataKey(key.KeyId, keySpec: "AES_256"), () => kms.EnableKey(key.KeyId) })
        {
            var error = Throws(action);
            Assert.That(error.Type, Is.EqualTo("KMSInvalidStateException"));
            Assert.That(error.Message, Is.EqualTo($"{key.Arn} is pending deletion."));
        }
    }

    [TestCase(6)]
    [TestCase(31)]
    public void ScheduleKeyDeletion_OutsideSevenToThirtyDays_IsAValidationError(int days)
    {
        var kms = Create();
        var key = kms.CreateKey();

        Assert.That(Throws(() => kms.ScheduleKeyDeletion(key.KeyId, days)).Type, Is.EqualTo("ValidationException"));
    }

    [Test]
    public void CancelKeyDeletion_LeavesKeyDisabled_AndTwiceIsInvalidState()
    {
        var kms = Create();
        var key = kms.CreateKey();
        kms.ScheduleKeyDeletion(key.KeyId, 7);

        var cancelled = kms.CancelKeyDeletion(key.Arn);

        Assert.That(cancelled.KeyState, Is.EqualTo(KmsKeyState.Disabled));
        Assert.That(cancelled.DeletionDate, Is.Null);
        Assert.That(Throws(() => kms.CancelKeyDeletion(key.KeyId)).Type, Is.EqualTo("KMSInvalidStateException"));
    }

    [Test]
    public void PendingDeletionKey_IsGoneOnceTheWindowHasPassed_WithItsAliases()
    {
        var time = new ManualTimeProvider(Start);
        var kms = Create(time);
        var key = kms.CreateKey();
        kms.CreateAlias("alias/doomed", key.KeyId);
        kms.ScheduleKeyDeletion(key.KeyId, 7);

        time.Advance(TimeSpan.FromDays(7));

        Assert.That(Throws(() => kms.DescribeKey(key.KeyId)).Message, Does.EndWith("does not exist"));
        Assert.That(kms.ListKeys(), Is.Empty);
        Assert.That(kms.ListAliases(), Is.Empty);
    }
}
