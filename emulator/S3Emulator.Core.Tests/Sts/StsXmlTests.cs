using S3Emulator.Core.Identity;
using S3Emulator.Core.Sts;
using static S3Emulator.Core.Tests.Identity.IdentityTestData;

namespace S3Emulator.Core.Tests.Sts;

public sealed class StsXmlTests
{
    internal const string RequestId = "c6104cbe-af31-11e0-8154-cbc7ccf896c7";

    internal static string Golden(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Sts", "Golden", name));

    [Test]
    public void GetCallerIdentityResponse_ForASession_MatchesTheGoldenFile()
    {
        var caller = CallerIdentity.ForSession(Claims() with { RoleId = "AROAEXAMPLEEXAMPLE12" }, []);

        Assert.That(StsXml.GetCallerIdentityResponse(caller, RequestId), Is.EqualTo(Golden("GetCallerIdentity.session.xml")));
    }

    [Test]
    public void GetCallerIdentityResponse_ForTheRootUser_MatchesTheGoldenFile() =>
        Assert.That(StsXml.GetCallerIdentityResponse(CallerIdentity.ForRoot("123456789012"), RequestId),
            Is.EqualTo(Golden("GetCallerIdentity.root.xml")));

    [Test]
    public void ErrorResponse_ForAccessDenied_MatchesTheGoldenFile() =>
        Assert.That(StsXml.ErrorResponse(
                StsErrors.NotAuthorized("arn:aws:iam::123456789012:user/alice", "sts:AssumeRole", "arn:aws:iam::123456789012:role/reader"), RequestId),
            Is.EqualTo(Golden("ErrorResponse.AccessDenied.xml")));

    [Test]
    public void ErrorResponse_EscapesTheMessage() =>
        Assert.That(StsXml.ErrorResponse(StsErrors.ValidationError("Value '<a&b>'"), RequestId), Does.Contain("<Message>Value '&lt;a&amp;b&gt;'</Message>"));

    [Test]
    public void Timestamp_IsIso8601UtcToTheSecond() =>
        Assert.That(StsXml.Timestamp(new DateTimeOffset(2026, 1, 1, 14, 0, 0, 123, TimeSpan.FromHours(1))), Is.EqualTo("2026-01-01T13:00:00Z"));
}
