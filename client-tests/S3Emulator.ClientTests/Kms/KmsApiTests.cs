using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Kms;

/// <summary>The mock KMS through the real AmazonKeyManagementServiceClient, on the same endpoint as S3.</summary>
public sealed partial class KmsApiTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string DeclaredKeyId = "0d7f5a8e-1c2b-4d3e-9f40-123456789abc";
    private const string DeclaredAlias = "alias/declared-for-tests";
    private static readonly string DeclaredMaterial = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    private AmazonKeyManagementServiceClient _kms = null!;

    private AmazonKeyManagementServiceClient Kms => _kms;

    protected override void ConfigureEmulator(S3EmulatorOptions options) =>
        options.KmsKeys.Add(new KmsKeyOptions
        {
            KeyId = DeclaredKeyId, Aliases = [DeclaredAlias], Description = "declared", KeyMaterialBase64 = DeclaredMaterial,
        });

    [OneTimeSetUp]
    public void CreateKmsClient() => _kms = Emulator.CreateKmsClient();

    [OneTimeTearDown]
    public void DisposeKmsClient() => _kms?.Dispose();

    [Test]
    public async Task CreateKey_ThenDescribeKey_ByIdAndArn_ReturnsEnabledCustomerKey()
    {
        var created = await Kms.CreateKeyAsync(new CreateKeyRequest { Description = "orders" });

        var byId = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = created.KeyMetadata.KeyId });
        var byArn = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = created.KeyMetadata.Arn });

        Assert.That(Guid.TryParseExact(created.KeyMetadata.KeyId, "D", out _), Is.True);
        Assert.That(created.KeyMetadata.Arn, Is.EqualTo($"arn:aws:kms:{Emulator.Options.Region}:{Emulator.Options.AccountId}:key/{created.KeyMetadata.KeyId}"));
        Assert.That(byId.KeyMetadata.Description, Is.EqualTo("orders"));
        Assert.That(byId.KeyMetadata.KeyState, Is.EqualTo(KeyState.Enabled));
        Assert.That(byId.KeyMetadata.Enabled, Is.True);
        Assert.That(byId.KeyMetadata.KeyManager, Is.EqualTo(KeyManagerType.CUSTOMER));
        Assert.That(byId.KeyMetadata.KeySpec, Is.EqualTo(KeySpec.SYMMETRIC_DEFAULT));
        Assert.That(byId.KeyMetadata.CreationDate, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(5)));
        Assert.That(byArn.KeyMetadata.KeyId, Is.EqualTo(created.KeyMetadata.KeyId));
    }

    [Test]
    public async Task ListKeys_PagesWithLimitAndMarker_AndIncludesEveryKey()
    {
        var created = new[] { await CreateKeyAsync(), await CreateKeyAsync(), await CreateKeyAsync() };

        var seen = new List<string>();
        string? marker = null;
        do
        {
            var page = await Kms.ListKeysAsync(new ListKeysRequest { Limit = 2, Marker = marker });
            Assert.That(page.Keys, Has.Count.LessThanOrEqualTo(2));
            seen.AddRange(page.Keys.Select(k => k.KeyId));
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (marker is not null);

        Assert.That(seen, Is.SupersetOf(created).And.Contains(DeclaredKeyId).And.Unique);
    }

    [Test]
    public async Task Aliases_CreateUpdateListDelete_ResolveToTheirKey()
    {
        var first = await CreateKeyAsync();
        var second = await CreateKeyAsync();
        var alias = $"alias/orders-{Guid.NewGuid():N}";

        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = first });
        var viaName = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = alias });
        var aliasArn = $"arn:aws:kms:{Emulator.Options.Region}:{Emulator.Options.AccountId}:{alias}";
        var viaArn = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = aliasArn });
        await Kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = second });
        var listed = await Kms.ListAliasesAsync(new ListAliasesRequest { KeyId = second });
        await Kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias });
        var afterDelete = await Kms.ListAliasesAsync(new ListAliasesRequest { Limit = 1000 });

        Assert.That(viaName.KeyMetadata.KeyId, Is.EqualTo(first));
        Assert.That(viaArn.KeyMetadata.KeyId, Is.EqualTo(first));
        Assert.That(listed.Aliases.Single().AliasName, Is.EqualTo(alias));
        Assert.That(listed.Aliases.Single().AliasArn, Is.EqualTo(aliasArn));
        Assert.That(listed.Aliases.Single().TargetKeyId, Is.EqualTo(second));
        Assert.That(afterDelete.Aliases.Select(a => a.AliasName), Does.Not.Contain(alias));
        await ExpectAsync<NotFoundException>(() => Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = alias }));
    }

    [Test]
    public async Task CreateAlias_ThatExists_ThrowsAlreadyExists()
    {
        var key = await CreateKeyAsync();
        var alias = $"alias/twice-{Guid.NewGuid():N}";
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key });

        var error = await ExpectAsync<AlreadyExistsException>(() => Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key }));

        Assert.That(error.Message, Is.EqualTo($"An alias with the name arn:aws:kms:{Emulator.Options.Region}:{Emulator.Options.AccountId}:{alias} already exists"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("orders", "ValidationException")]
    [TestCase("alias/has space", "ValidationException")]
    [TestCase("alias/aws/mine", "NotAuthorizedException")]
    public async Task CreateAlias_WithInvalidOrReservedName_IsRefused(string aliasName, string errorCode)
    {
        var key = await CreateKeyAsync();

        var error = await ExpectAsync<AmazonKeyManagementServiceException>(
            () => Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = aliasName, TargetKeyId = key }));

        Assert.That(error.ErrorCode, Is.EqualTo(errorCode));
    }

    [Test]
    public async Task DisableKey_MakesCryptoFailWithDisabled_AndEnableKeyRestoresIt()
    {
        var key = await Kms.CreateKeyAsync(new CreateKeyRequest());
        var id = key.KeyMetadata.KeyId;

        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = id });
        var disabled = await ExpectAsync<DisabledException>(() => Kms.EncryptAsync(new EncryptRequest { KeyId = id, Plaintext = Stream("x") }));
        var described = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = id });
        await Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = id });
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = id, Plaintext = Stream("x") });

        Assert.That(disabled.Message, Is.EqualTo($"{key.KeyMetadata.Arn} is disabled."));
        Assert.That(described.KeyMetadata.KeyState, Is.EqualTo(KeyState.Disabled));
        Assert.That(encrypted.KeyId, Is.EqualTo(key.KeyMetadata.Arn));
    }

    [Test]
    public async Task ScheduleKeyDeletion_MakesKeyPendingDeletion_AndCancelLeavesItDisabled()
    {
        var key = await Kms.CreateKeyAsync(new CreateKeyRequest());
        var id = key.KeyMetadata.KeyId;

        var scheduled = await Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = id, PendingWindowInDays = 7 });
        var pending = await ExpectAsync<KMSInvalidStateException>(() => Kms.EncryptAsync(new EncryptRequest { KeyId = id, Plaintext = Stream("x") }));
        var cancelled = await Kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = id });
        var described = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = id });

        Assert.That(scheduled.KeyId, Is.EqualTo(key.KeyMetadata.Arn));
        Assert.That(scheduled.KeyState, Is.EqualTo(KeyState.PendingDeletion));
        Assert.That(scheduled.PendingWindowInDays, Is.EqualTo(7));
        Assert.That(scheduled.DeletionDate, Is.EqualTo(DateTime.UtcNow.AddDays(7)).Within(TimeSpan.FromMinutes(5)));
        Assert.That(pending.Message, Is.EqualTo($"{key.KeyMetadata.Arn} is pending deletion."));
        Assert.That(cancelled.KeyId, Is.EqualTo(key.KeyMetadata.Arn));
        Assert.That(described.KeyMetadata.KeyState, Is.EqualTo(KeyState.Disabled));
    }

    [Test]
    public async Task ScheduleKeyDeletion_WithoutWindow_DefaultsToThirtyDays()
    {
        var key = await CreateKeyAsync();

        var scheduled = await Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key });

        Assert.That(scheduled.PendingWindowInDays, Is.EqualTo(30));
    }

    [Test]
    public async Task DescribeKey_OfUnknownKeys_ThrowsNotFoundWithAwsMessages()
    {
        var missing = Guid.NewGuid().ToString("D");
        var region = Emulator.Options.Region;
        var account = Emulator.Options.AccountId;
        var otherRegion = region == "us-west-2" ? "eu-west-1" : "us-west-2";

        var invalid = await ExpectAsync<NotFoundException>(() => Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "fake-key-id" }));
        var absent = await ExpectAsync<NotFoundException>(() => Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = missing }));
        var elsewhere = await ExpectAsync<NotFoundException>(() =>
            Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = $"arn:aws:kms:{otherRegion}:{account}:key/{missing}" }));

        Assert.That(invalid.Message, Is.EqualTo("Invalid keyId 'fake-key-id'"));
        Assert.That(absent.Message, Is.EqualTo($"Key 'arn:aws:kms:{region}:{account}:key/{missing}' does not exist"));
        Assert.That(elsewhere.Message, Is.EqualTo($"Invalid arn {otherRegion}"));
    }

    [Test]
    public async Task AwsS3Alias_IsCreatedOnFirstUse_AsAwsManagedKey()
    {
        var described = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/aws/s3" });
        var again = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/aws/s3" });
        var aliases = await Kms.ListAliasesAsync(new ListAliasesRequest { Limit = 1000 });

        Assert.That(described.KeyMetadata.KeyManager, Is.EqualTo(KeyManagerType.AWS));
        Assert.That(described.KeyMetadata.Description, Is.EqualTo("Default key that protects my S3 objects when no other key is defined"));
        Assert.That(again.KeyMetadata.KeyId, Is.EqualTo(described.KeyMetadata.KeyId));
        Assert.That(aliases.Aliases.Single(a => a.AliasName == "alias/aws/s3").TargetKeyId, Is.EqualTo(described.KeyMetadata.KeyId));
    }

    [Test]
    public async Task DeclaredKey_IsVisibleWithItsFixedIdAndAlias()
    {
        var described = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = DeclaredAlias });
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = DeclaredKeyId, Plaintext = Stream("declared") });
        var decrypted = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(encrypted.CiphertextBlob) });

        Assert.That(described.KeyMetadata.KeyId, Is.EqualTo(DeclaredKeyId));
        Assert.That(described.KeyMetadata.Description, Is.EqualTo("declared"));
        Assert.That(Encoding.UTF8.GetString(decrypted.Plaintext.ToArray()), Is.EqualTo("declared"));
    }

    /// <summary>Runs <paramref name="action"/> and returns the KMS error it must fail with.</summary>
    private static async Task<T> ExpectAsync<T>(Func<Task> action) where T : AmazonKeyManagementServiceException
    {
        try
        {
            await action();
        }
        catch (AmazonKeyManagementServiceException exception)
        {
            Assert.That(exception, Is.InstanceOf<T>(), $"{exception.ErrorCode}: {exception.Message}");
            return (T)exception;
        }

        Assert.Fail($"Expected the request to fail with {typeof(T).Name}.");
        throw new UnreachableException();
    }

    private async Task<string> CreateKeyAsync() => (await Kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata.KeyId;

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static MemoryStream Copy(MemoryStream blob) => new(blob.ToArray());
}
