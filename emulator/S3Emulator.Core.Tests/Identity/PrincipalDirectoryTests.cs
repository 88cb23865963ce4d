using S3Emulator.Core.Identity;
using static S3Emulator.Core.Tests.Identity.IdentityTestData;

namespace S3Emulator.Core.Tests.Identity;

public sealed class PrincipalDirectoryTests
{
    private static readonly NamedPolicy Trust = new("trust", "{}");
    private static readonly NamedPolicy ReadAll = new("read-all", """{"Version":"2012-10-17","Statement":[]}""");

    private static IamRole Reader(string account = "123456789012") => new("reader", account, "AROAEXAMPLEEXAMPLE12", [ReadAll], Trust, 3600);

    [TestCase("arn:aws:iam::123456789012:role/reader")]
    [TestCase("arn:aws:iam::123456789012:role/team/reader")]
    [TestCase("arn:aws:iam::123456789012:role/READER")]
    public void TryGetRole_ByItsArn_FindsIt(string arn)
    {
        var directory = new PrincipalDirectory([], [Reader()]);

        Assert.That(directory.TryGetRole(arn, out var role), Is.True);
        Assert.That(role!.Name, Is.EqualTo("reader"));
    }

    [TestCase("arn:aws:iam::210987654321:role/reader")]
    [TestCase("arn:aws:iam::123456789012:user/reader")]
    [TestCase("arn:aws:sts::123456789012:assumed-role/reader/s1")]
    [TestCase("reader")]
    public void TryGetRole_ByAnythingElse_FindsNothing(string arn) =>
        Assert.That(new PrincipalDirectory([], [Reader()]).TryGetRole(arn, out _), Is.False);

    [Test]
    public void Constructor_WithARoleTwice_Throws() =>
        Assert.That(() => new PrincipalDirectory([], [Reader(), Reader()]), Throws.ArgumentException.With.Message.Contains("configured twice"));

    [Test]
    public void LongTermCaller_ForAConfiguredUser_CarriesItsPolicies()
    {
        var alice = new IamUser("123456789012", "alice", "AIDAEXAMPLE", [ReadAll]);
        var caller = new PrincipalDirectory([alice], []).LongTermCaller("123456789012", "alice");

        Assert.That(caller.Kind, Is.EqualTo(CallerKind.User));
        Assert.That(caller.Arn, Is.EqualTo("arn:aws:iam::123456789012:user/alice"));
        Assert.That(caller.UserId, Is.EqualTo("AIDAEXAMPLE"));
        Assert.That(caller.UserName, Is.EqualTo("alice"));
        Assert.That(caller.IdentityPolicies, Is.EqualTo(new[] { ReadAll }));
    }

    [Test]
    public void LongTermCaller_ForTheRootUser_IsTheAccount()
    {
        var caller = PrincipalDirectory.Empty.LongTermCaller("123456789012", null);

        Assert.That(caller.Kind, Is.EqualTo(CallerKind.Root));
        Assert.That(caller.Arn, Is.EqualTo("arn:aws:iam::123456789012:root"));
        Assert.That(caller.UserId, Is.EqualTo("123456789012"));
        Assert.That(caller.PrincipalType, Is.EqualTo("Account"));
    }

    [Test]
    public void SessionCaller_IsTheAssumedRole_WithTheRolesPoliciesAndTheSessionPolicy()
    {
        var claims = Claims(policy: """{"Version":"2012-10-17"}""") with { RoleId = "AROAEXAMPLEEXAMPLE12" };

        var caller = new PrincipalDirectory([], [Reader()]).SessionCaller(claims);

        Assert.That(caller.Kind, Is.EqualTo(CallerKind.AssumedRole));
        Assert.That(caller.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
        Assert.That(caller.UserId, Is.EqualTo("AROAEXAMPLEEXAMPLE12:s1"));
        Assert.That(caller.UserName, Is.Null);
        Assert.That(caller.PrincipalArn, Is.EqualTo("arn:aws:iam::123456789012:role/reader"));
        Assert.That(caller.PrincipalType, Is.EqualTo("AssumedRole"));
        Assert.That(caller.MatchingArns, Is.EqualTo(new[] { caller.Arn, "arn:aws:iam::123456789012:role/reader" }));
        Assert.That(caller.IdentityPolicies, Is.EqualTo(new[] { ReadAll }));
        Assert.That(caller.SessionPolicy?.Json, Is.EqualTo("""{"Version":"2012-10-17"}"""));
    }

    [Test]
    public void SessionCaller_OfARoleNoLongerConfigured_HasNoPolicies() =>
        Assert.That(PrincipalDirectory.Empty.SessionCaller(Claims()).IdentityPolicies, Is.Empty);
}
