using S3Emulator.Server.Envelope;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Handlers.Access;
using S3Emulator.Server.Services.S3.Routing;
using S3Emulator.Server.Tests.Encryption;

namespace S3Emulator.Server.Tests.Services.S3.Handlers.Access;

/// <summary>Block Public Access refusals name the setting only to the bucket owner's account (public-access.md §6).</summary>
public sealed class BlockPublicAccessTests
{
    private static readonly BucketInfo Bucket = new("bkt", "us-east-1", "111122223333", DateTimeOffset.UnixEpoch);

    [Test]
    public void PolicyRefused_ForACallerOfTheOwnersAccount_NamesCallerActionResourceAndSetting()
    {
        var error = BlockPublicAccess.PolicyRefused(Context("111122223333", "user/alex"), Bucket, "s3:PutBucketPolicy", "arn:aws:s3:::bkt");

        Assert.That(error.Error.Message, Is.EqualTo(
            "User: arn:aws:iam::111122223333:user/alex is not authorized to perform: s3:PutBucketPolicy on resource: \"arn:aws:s3:::bkt\" "
            + "because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access."));
    }

    [Test]
    public void AclRefused_ForACallerOfAnotherAccount_IsTheBareAccessDenied()
    {
        var error = BlockPublicAccess.AclRefused(Context("444455556666", "user/mallory"), Bucket, "s3:PutObject", "arn:aws:s3:::bkt/key");

        Assert.That((error.Error.Code, error.Error.StatusCode, error.Error.Message), Is.EqualTo(("AccessDenied", 403, "Access Denied")));
    }

    [Test]
    public async Task Effective_TurnsOnWhatTheAccountOrTheBucketTurnsOn()
    {
        var context = Context("111122223333", "root");
        await context.Accounts.SetPublicAccessBlockAsync("111122223333", new PublicAccessBlock(true, false, false, false), CancellationToken.None);

        var effective = await BlockPublicAccess.EffectiveAsync(context, Bucket with { PublicAccessBlock = new PublicAccessBlock(false, false, false, true) });

        Assert.That(effective, Is.EqualTo(new PublicAccessBlock(true, false, false, true)));
    }

    private static S3RequestContext Context(string account, string resource)
    {
        var request = new S3Request(S3Operation.PutBucketPolicy, "bkt", null, "/bkt", QueryParameters.Empty, VirtualHosted: false);
        var principal = new S3Principal(account, $"arn:aws:iam::{account}:{resource}", "AKID", resource.Replace("user/", "", StringComparison.Ordinal));
        return new S3RequestContext(
            new ServiceExchange(new DefaultHttpContext(), ServiceKind.S3, "/bkt", "0123456789ABCDEF"), request, principal, new InMemoryObjectStore(), new S3EmulatorOptions(), TimeProvider.System,
            TestEncryption.NewEncryptor(), new InMemoryAccountStore());
    }
}
