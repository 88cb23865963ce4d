using System.Text;
using System.Text.Json;
using S3Emulator.Core.Identity;
using static S3Emulator.Core.Tests.Identity.IdentityTestData;

namespace S3Emulator.Core.Tests.Identity;

/// <summary>
/// Credentials S3 Object Lambda mints for a caller (the <c>inputS3Url</c>'s): the claims survive the token, end no later
/// than the caller's own session, and an AssumeRole token's format is unchanged.
/// </summary>
public sealed class ForwardedCredentialsTests
{
    private const string Via = "s3-object-lambda.amazonaws.com";
    private const string Resource = "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/a b.txt";

    private readonly SessionTokenSealer _sealer = new(MasterKeyA);

    private SessionClaims MintAndOpen(CallerIdentity caller, TimeSpan lifetime, out (string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration) minted)
    {
        minted = new ForwardedCredentials(_sealer, new FixedClock(Now)).Mint(caller, Via, Resource, lifetime);
        Assert.That(_sealer.TryOpen(minted.SessionToken, out var claims), Is.True);
        return claims!;
    }

    [Test]
    public void RootCaller_RoundTripsAsForwardedRoot_WithNoRole()
    {
        var claims = MintAndOpen(CallerIdentity.ForRoot("123456789012"), TimeSpan.FromMinutes(5), out var minted);

        Assert.That(claims.Forwarded, Is.EqualTo(new ForwardedAccess(CallerKind.Root, "arn:aws:iam::123456789012:root", null, Via, Resource)));
        Assert.That(claims.CallerArn, Is.EqualTo("arn:aws:iam::123456789012:root"));
        Assert.That((claims.AccessKeyId, claims.SecretAccessKey), Is.EqualTo((minted.AccessKeyId, minted.SecretAccessKey)));
        Assert.That((claims.AccountId, claims.RoleArn, claims.SessionPolicy), Is.EqualTo(("123456789012", "", (string?)null)));
        Assert.That(claims.IssuedAt, Is.EqualTo(Now));
        Assert.That(claims.Expiration, Is.EqualTo(Now.AddMinutes(5)).And.EqualTo(minted.Expiration));
    }

    [Test]
    public void IamUserCaller_RoundTripsWithItsUserName()
    {
        var user = new IamUser("123456789012", "alice", "AIDAEXAMPLEEXAMPLE12", [new NamedPolicy("p", "{}")]);

        var claims = MintAndOpen(CallerIdentity.ForUser(user), TimeSpan.FromMinutes(5), out _);

        Assert.That(claims.Forwarded, Is.EqualTo(new ForwardedAccess(CallerKind.User, "arn:aws:iam::123456789012:user/alice", "alice", Via, Resource)));
        Assert.That(claims.AccountId, Is.EqualTo("123456789012"));
    }

    [Test]
    public void RoleSessionCaller_KeepsItsRoleSessionPolicyAndTags_UnderNewKeys()
    {
        var session = Claims(expiration: Now.AddHours(1), policy: """{"Version":"2012-10-17","Statement":[]}""");

        var claims = MintAndOpen(CallerIdentity.ForSession(session, []), TimeSpan.FromMinutes(5), out var minted);

        Assert.That(claims.Forwarded, Is.EqualTo(new ForwardedAccess(CallerKind.AssumedRole, session.SessionArn, null, Via, Resource)));
        Assert.That((claims.RoleArn, claims.RoleName, claims.RoleId, claims.SessionName, claims.SessionPolicy, claims.SourceIdentity),
            Is.EqualTo((session.RoleArn, session.RoleName, session.RoleId, session.SessionName, session.SessionPolicy, session.SourceIdentity)));
        Assert.That(claims.Tags, Is.EqualTo(session.Tags));
        Assert.That(claims.TransitiveTagKeys, Is.EqualTo(session.TransitiveTagKeys));
        Assert.That(claims.AccessKeyId, Is.EqualTo(minted.AccessKeyId).And.Not.EqualTo(session.AccessKeyId));
        Assert.That(claims.SecretAccessKey, Is.Not.EqualTo(session.SecretAccessKey));
        Assert.That(claims.CallerArn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
        Assert.That(claims.Expiration, Is.EqualTo(Now.AddMinutes(5)));
    }

    [Test]
    public void RoleSessionCaller_WhoseSessionEndsSooner_GetsCredentialsEndingWithIt()
    {
        var session = Claims(expiration: Now.AddSeconds(30));

        var claims = MintAndOpen(CallerIdentity.ForSession(session, []), TimeSpan.FromMinutes(5), out var minted);

        Assert.That(claims.Expiration, Is.EqualTo(Now.AddSeconds(30)));
        Assert.That(minted.Expiration, Is.EqualTo(Now.AddSeconds(30)));
    }

    [Test]
    public void MintedKey_IsASessionKey_AndEachMintIsNew()
    {
        var mint = new ForwardedCredentials(_sealer, new FixedClock(Now));

        var first = mint.Mint(CallerIdentity.ForRoot("123456789012"), Via, Resource, TimeSpan.FromMinutes(5));
        var second = mint.Mint(CallerIdentity.ForRoot("123456789012"), Via, Resource, TimeSpan.FromMinutes(5));

        Assert.That(first.AccessKeyId, Does.StartWith("ASIA"));
        Assert.That(first.AccessKeyId, Is.Not.EqualTo(second.AccessKeyId));
        Assert.That(first.SecretAccessKey, Is.Not.EqualTo(second.SecretAccessKey));
    }

    [Test]
    public void AssumeRoleClaims_EncodeWithoutAForwardedMember() =>
        Assert.That(Encoding.UTF8.GetString(SessionClaimsCodec.Encode(Claims())), Does.Not.Contain("fwd"));

    [Test]
    public void AssumeRoleClaims_InTheFormatBeforeForwarding_DecodeAsBefore()
    {
        // The plaintext an earlier emulator sealed for Claims(): the member set of the original format, no "fwd".
        var before = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["ak"] = "ASIAABCDEFGHIJKLMNOP", ["sk"] = "secretsecretsecretsecretsecretsecret1234", ["acct"] = "123456789012",
            ["role"] = "arn:aws:iam::123456789012:role/reader", ["rn"] = "reader", ["rid"] = "AROAEXAMPLEEXAMPLE12", ["sn"] = "s1",
            ["src"] = "DevUser", ["tags"] = new[] { new[] { "Project", "Pegasus" } }, ["tt"] = new[] { "Project" },
            ["iat"] = Now.ToUnixTimeMilliseconds(), ["exp"] = Now.AddHours(1).ToUnixTimeMilliseconds(),
        });

        var decoded = SessionClaimsCodec.Decode(before);

        var expected = Claims();
        Assert.That(decoded, Is.EqualTo(expected with { Tags = decoded!.Tags, TransitiveTagKeys = decoded.TransitiveTagKeys }));
        Assert.That(decoded.Tags, Is.EqualTo(expected.Tags));
        Assert.That(decoded.Forwarded, Is.Null);
        Assert.That(decoded.CallerArn, Is.EqualTo(decoded.SessionArn));
    }

    [Test]
    public void AssumeRoleClaims_EncodeByteForByteAsBefore()
    {
        var claims = Claims();
        const string expected = """
            {"ak":"ASIAABCDEFGHIJKLMNOP","sk":"secretsecretsecretsecretsecretsecret1234","acct":"123456789012","role":"arn:aws:iam::123456789012:role/reader","rn":"reader","rid":"AROAEXAMPLEEXAMPLE12","sn":"s1","src":"DevUser","tags":[["Project","Pegasus"]],"tt":["Project"],"iat":1767268800000,"exp":1767272400000}
            """;

        Assert.That(Encoding.UTF8.GetString(SessionClaimsCodec.Encode(claims)), Is.EqualTo(expected));
    }

    [Test]
    public void ForwardedToken_DoesNotShowTheCallerOrTheResourceInClear()
    {
        var token = new ForwardedCredentials(_sealer, new FixedClock(Now))
            .Mint(CallerIdentity.ForRoot("123456789012"), Via, Resource, TimeSpan.FromMinutes(5)).SessionToken;

        var raw = Encoding.Latin1.GetString(Convert.FromBase64String(token));

        Assert.That(raw, Does.Not.Contain("accesspoint").And.Not.Contain(Via));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
