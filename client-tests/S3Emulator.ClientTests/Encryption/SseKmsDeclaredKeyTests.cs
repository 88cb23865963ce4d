using Amazon.KeyManagementService.Model;
using Amazon.S3;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>A KMS key declared in the emulator's configuration is usable by SSE-KMS from the first request.</summary>
public sealed class SseKmsDeclaredKeyTests(Transport transport) : SseKmsTestBase(transport)
{
    private const string DeclaredKeyId = "5b1e2c3d-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string DeclaredAlias = "alias/declared";

    protected override void ConfigureEmulator(S3EmulatorOptions options) =>
        options.KmsKeys.Add(new KmsKeyOptions { KeyId = DeclaredKeyId, Aliases = [DeclaredAlias] });

    [Test]
    public async Task A_declared_key_is_usable_by_its_alias_without_any_KMS_call_first()
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();

        var put = await PutKmsAsync(bucket, "declared.txt", body, DeclaredAlias);
        var head = await HeadAsync(bucket, "declared.txt");

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(KeyArn(DeclaredKeyId)));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(KeyArn(DeclaredKeyId)));
        Assert.That(await GetTextAsync(bucket, "declared.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task A_declared_key_is_usable_by_its_fixed_id_and_is_the_key_KMS_describes()
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();

        var put = await PutKmsAsync(bucket, "declared-id.txt", body, DeclaredKeyId);
        var described = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = DeclaredAlias });

        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(KeyArn(DeclaredKeyId)));
        Assert.That(described.KeyMetadata.Arn, Is.EqualTo(put.ServerSideEncryptionKeyManagementServiceKeyId));
        Assert.That(await GetTextAsync(bucket, "declared-id.txt"), Is.EqualTo(body));
    }
}
