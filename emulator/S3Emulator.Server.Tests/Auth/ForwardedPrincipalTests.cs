using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Authorization;

namespace S3Emulator.Server.Tests.Auth;

/// <summary>
/// A request signed with credentials S3 Object Lambda minted (the <c>inputS3Url</c>'s) is the original caller's —
/// root, IAM user with the directory's policies, or role session — marked as forwarded, and only such a request
/// carries <c>aws:CalledVia</c>, <c>aws:CalledViaFirst</c> and <c>aws:CalledViaLast</c>.
/// </summary>
public sealed class ForwardedPrincipalTests
{
    private const string Account = "123456789012";
    private const string Via = "s3-object-lambda.amazonaws.com";
    private const string Resource = "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/k";
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly NamedPolicy AlicePolicy = new("alice-reads", """{"Version":"2012-10-17","Statement":[]}""");
    private static readonly NamedPolicy RolePolicy = new("reader-reads", """{"Version":"2012-10-17","Statement":[]}""");

    private static readonly PrincipalDirectory Directory = new(
        [new IamUser(Account, "alice", "AIDAALICEALICEALICE1", [AlicePolicy])],
        [new IamRole("reader", Account, "AROAEXAMPLEEXAMPLE12", [RolePolicy], new NamedPolicy("trust", "{}"), 3600)]);

    private static readonly SessionClaims RoleSession = new(
        "ASIAROLEROLEROLEROLE", "rolesecretrolesecretrolesecretrolesecr1", Account, "arn:aws:iam::123456789012:role/reader", "reader",
        "AROAEXAMPLEEXAMPLE12", "s1", """{"Version":"2012-10-17","Statement":[{"Sid":"Session"}]}""", null, [], [], Now, Now.AddHours(1));

    /// <summary>The claims a minted token opens to: <see cref="ForwardedCredentials"/> through the sealer.</summary>
    private static SessionClaims Forwarded(CallerIdentity caller)
    {
        var sealer = new SessionTokenSealer(Core.Encryption.MasterKey.FromBytes(Enumerable.Repeat((byte)9, 32).ToArray()));
        var token = new ForwardedCredentials(sealer, new FakeTimeProvider(Now)).Mint(caller, Via, Resource, TimeSpan.FromMinutes(5)).SessionToken;
        Assert.That(sealer.TryOpen(token, out var claims), Is.True);
        return claims!;
    }

    private static S3Principal PrincipalFor(SessionClaims claims) =>
        S3Principal.For(new S3Credential(claims.AccessKeyId, claims.SecretAccessKey, claims.AccountId, claims.CallerArn), claims, Directory);

    [Test]
    public void ForwardedRoot_IsTheRootUser()
    {
        var claims = Forwarded(CallerIdentity.ForRoot(Account));

        var principal = PrincipalFor(claims);

        Assert.That((principal.Arn, principal.AccountId, principal.AccessKeyId, principal.UserName),
            Is.EqualTo(("arn:aws:iam::123456789012:root", Account, claims.AccessKeyId, S3Principal.RootUserName)));
        Assert.That(principal.IsRoot, Is.True);
        Assert.That(principal.Identity, Is.EqualTo(CallerIdentity.ForRoot(Account)));
        Assert.That(principal.Forwarded, Is.EqualTo(new ForwardedAccess(CallerKind.Root, "arn:aws:iam::123456789012:root", null, Via, Resource)));
    }

    [Test]
    public void ForwardedIamUser_IsTheUser_WithTheDirectorysPolicies()
    {
        var claims = Forwarded(Directory.LongTermCaller(Account, "alice"));

        var principal = PrincipalFor(claims);

        Assert.That((principal.Arn, principal.AccountId, principal.UserName), Is.EqualTo(("arn:aws:iam::123456789012:user/alice", Account, "alice")));
        Assert.That(principal.Identity.Kind, Is.EqualTo(CallerKind.User));
        Assert.That(principal.Identity.UserId, Is.EqualTo("AIDAALICEALICEALICE1"));
        Assert.That(principal.Identity.IdentityPolicies, Is.EqualTo(new[] { AlicePolicy }));
        Assert.That(principal.Identity.Session, Is.Null);
        Assert.That(principal.Forwarded?.CallerKind, Is.EqualTo(CallerKind.User));
        Assert.That(principal.Forwarded?.UserName, Is.EqualTo("alice"));
    }

    [Test]
    public void ForwardedRoleSession_IsTheSession_WithTheRolesPoliciesAndItsSessionPolicy()
    {
        var claims = Forwarded(Directory.SessionCaller(RoleSession));

        var principal = PrincipalFor(claims);

        Assert.That((principal.Arn, principal.AccountId, principal.UserName),
            Is.EqualTo(("arn:aws:sts::123456789012:assumed-role/reader/s1", Account, "")));
        Assert.That(principal.Identity.Kind, Is.EqualTo(CallerKind.AssumedRole));
        Assert.That(principal.Identity.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
        Assert.That(principal.Identity.UserId, Is.EqualTo("AROAEXAMPLEEXAMPLE12:s1"));
        Assert.That(principal.Identity.PrincipalArn, Is.EqualTo("arn:aws:iam::123456789012:role/reader"));
        Assert.That(principal.Identity.IdentityPolicies, Is.EqualTo(new[] { RolePolicy }));
        Assert.That(principal.Identity.SessionPolicy?.Json, Is.EqualTo(RoleSession.SessionPolicy));
        Assert.That(principal.Forwarded?.CallerArn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
    }

    [Test]
    public void AssumeRoleSession_IsNotForwarded() =>
        Assert.That(PrincipalFor(RoleSession).Forwarded, Is.Null);

    [Test]
    public void ForwardedPrincipal_CarriesCalledViaFirstAndLast()
    {
        var principal = PrincipalFor(Forwarded(CallerIdentity.ForRoot(Account)));

        var keys = GlobalContextKeys.For(new DefaultHttpContext(), principal, new FakeTimeProvider(Now));

        Assert.That(keys.TryGetValues("aws:CalledVia", out var calledVia), Is.True);
        Assert.That(calledVia, Is.EqualTo(new[] { Via }));
        Assert.That(keys.Get("aws:CalledViaFirst"), Is.EqualTo(Via));
        Assert.That(keys.Get("aws:CalledViaLast"), Is.EqualTo(Via));
    }

    [Test]
    public void DirectCallers_CarryNoCalledVia()
    {
        var direct = new[]
        {
            S3Principal.For(new S3Credential("AKIAROOT", "s", Account, S3Principal.RootUserName), null, Directory),
            S3Principal.For(new S3Credential("AKIAALICE", "s", Account, "alice"), null, Directory),
            PrincipalFor(RoleSession),
        };

        foreach (var principal in direct.Append(null))
        {
            var keys = GlobalContextKeys.For(new DefaultHttpContext(), principal, new FakeTimeProvider(Now));
            Assert.That(keys.Keys, Has.None.StartsWith("aws:CalledVia"), principal?.Arn ?? "anonymous");
        }
    }
}
