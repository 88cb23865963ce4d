using System.Net;

namespace S3Emulator.ClientTests.AccessPoints;

/// <summary>
/// The account-level Block Public Access settings (S3 Control <c>/v20180820/configuration/publicAccessBlock</c>). One
/// scenario per emulator, since the setting is the account's.
/// </summary>
public sealed class AccountPublicAccessBlockTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Account = "123456789012";

    [Test]
    public async Task AccountPublicAccessBlock_NotFoundUntilPut_ThenRoundTrips_BlocksPublicAccessPointPolicies_AndDeletes()
    {
        using var control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        var bucket = await CreateBucketAsync();
        var name = "ap-" + Guid.NewGuid().ToString("N")[..12];
        // The access point itself lets public policies through; only the account's setting can refuse one.
        (await control.CreateAccessPointAsync(name, bucket,
            "<PublicAccessBlockConfiguration><BlockPublicAcls>false</BlockPublicAcls></PublicAccessBlockConfiguration>")).Succeeded();
        var publicPolicy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:us-east-1:{{Account}}:accesspoint/{{name}}/object/*"}]}""";

        var before = await control.GetPublicAccessBlockAsync();
        var put = await control.PutPublicAccessBlockAsync(false, true, true, false);
        var got = (await control.GetPublicAccessBlockAsync()).Succeeded();
        var refused = await control.PutAccessPointPolicyAsync(name, publicPolicy);
        var deleted = await control.DeletePublicAccessBlockAsync();
        var afterDelete = await control.GetPublicAccessBlockAsync();

        Assert.Multiple(() =>
        {
            Assert.That((before.Status, before.ErrorCode, before.Value("AccountId")),
                Is.EqualTo((HttpStatusCode.NotFound, "NoSuchPublicAccessBlockConfiguration", Account)));
            Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(got.Body!.Name.NamespaceName + " " + got.Body.Name.LocalName, Is.EqualTo(S3ControlTestClient.Ns + " PublicAccessBlockConfiguration"));
            Assert.That(got.Body.Elements().Select(e => e.Value), Is.EqualTo(new[] { "false", "true", "true", "false" }));
            Assert.That((refused.Status, refused.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterDelete.ErrorCode, Is.EqualTo("NoSuchPublicAccessBlockConfiguration"));
        });
    }
}
