using S3Emulator.Core.Kms;
using static S3Emulator.Core.Tests.Kms.KmsTestKit;

namespace S3Emulator.Core.Tests.Kms;

public sealed class MockKeyManagementServiceAliasTests
{
    [Test]
    public void CreateAlias_ThatExists_ThrowsAlreadyExists()
    {
        var kms = Create();
        var key = kms.CreateKey();
        kms.CreateAlias("alias/app", key.KeyId);

        var error = Throws(() => kms.CreateAlias("alias/app", key.KeyId));

        Assert.That(error.Type, Is.EqualTo("AlreadyExistsException"));
        Assert.That(error.Message, Is.EqualTo($"An alias with the name arn:aws:kms:{Region}:{Account}:alias/app already exists"));
    }

    [TestCase("app", "ValidationException")]
    [TestCase("alias/", "ValidationException")]
    [TestCase("alias/white space", "ValidationException")]
    [TestCase("alias/aws/s3", "NotAuthorizedException")]
    [TestCase("alias/aws/mine", "NotAuthorizedException")]
    public void CreateAlias_WithInvalidOrReservedName_IsRefused(string aliasName, string type)
    {
        var kms = Create();
        var key = kms.CreateKey();

        Assert.That(Throws(() => kms.CreateAlias(aliasName, key.KeyId)).Type, Is.EqualTo(type));
    }

    [Test]
    public void CreateAlias_WithoutPrefix_HasAwsMessage() =>
        Assert.That(Throws(() => Create().CreateAlias("app", Guid.NewGuid().ToString())).Message,
            Is.EqualTo("Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html"));

    [Test]
    public void CreateAlias_TargetingAnAlias_IsRefused()
    {
        var kms = Create();
        kms.CreateAlias("alias/first", kms.CreateKey().KeyId);

        Assert.That(Throws(() => kms.CreateAlias("alias/second", "alias/first")).Type, Is.EqualTo("NotFoundException"));
    }

    [Test]
    public void UpdateAlias_RepointsIt_AndDeleteAliasRemovesIt()
    {
        var kms = Create();
        var first = kms.CreateKey();
        var second = kms.CreateKey();
        kms.CreateAlias("alias/app", first.KeyId);

        kms.UpdateAlias("alias/app", second.Arn);
        var listed = kms.ListAliases(second.KeyId);
        kms.DeleteAlias("alias/app");

        Assert.That(listed.Single().TargetKeyId, Is.EqualTo(second.KeyId));
        Assert.That(listed.Single().AliasArn, Is.EqualTo($"arn:aws:kms:{Region}:{Account}:alias/app"));
        Assert.That(kms.ListAliases(), Is.Empty);
        Assert.That(Throws(() => kms.DeleteAlias("alias/app")).Type, Is.EqualTo("NotFoundException"));
        Assert.That(Throws(() => kms.UpdateAlias("alias/app", first.KeyId)).Type, Is.EqualTo("NotFoundException"));
    }

    [Test]
    public async Task AwsS3Alias_IsCreatedOnFirstUse_AsAwsManagedKey_OnlyOnce()
    {
        var kms = Create();
        Assert.That(kms.ListAliases(), Is.Empty);

        var arn = await kms.ResolveKeyArnAsync("alias/aws/s3", requireUsable: true, CancellationToken.None);
        var described = kms.DescribeKey("alias/aws/s3");

        Assert.That(described.Arn, Is.EqualTo(arn));
        Assert.That(described.KeyManager, Is.EqualTo("AWS"));
        Assert.That(described.Description, Is.EqualTo(MockKeyManagementService.AwsS3KeyDescription));
        Assert.That(kms.ListKeys(), Has.Count.EqualTo(1));
        Assert.That(kms.ListAliases().Single().AliasName, Is.EqualTo("alias/aws/s3"));
    }
}
