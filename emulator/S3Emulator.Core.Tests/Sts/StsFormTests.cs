using S3Emulator.Core.Sts;

namespace S3Emulator.Core.Tests.Sts;

public sealed class StsFormTests
{
    [Test]
    public void Parse_DecodesPercentEscapesAndPlusAsSpace()
    {
        var form = StsForm.Parse("Action=AssumeRole&Policy=%7B%22a%22%3A+%22b%2Bc%22%7D&Empty=&Bare");

        Assert.That(form.Get("Action"), Is.EqualTo("AssumeRole"));
        Assert.That(form.Get("Policy"), Is.EqualTo("""{"a": "b+c"}"""));
        Assert.That(form.Get("Empty"), Is.EqualTo(""));
        Assert.That(form.Get("Bare"), Is.EqualTo(""));
        Assert.That(form.Get("action"), Is.Null, "names are case-sensitive");
    }

    [Test]
    public void Parse_WhenANameRepeats_KeepsTheFirstValue() =>
        Assert.That(StsForm.Parse("Action=GetCallerIdentity&Action=AssumeRole").Get("Action"), Is.EqualTo("GetCallerIdentity"));

    [Test]
    public void List_ReadsMembersInOrderUpToTheFirstGap()
    {
        var form = StsForm.Parse(
            "Tags.member.2.Key=b&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.2.Value=2&Tags.member.4.Key=skipped");

        var tags = form.List("Tags", prefix => (form.Get(prefix + ".Key"), form.Get(prefix + ".Value")));

        Assert.That(tags, Is.EqualTo(new[] { ("a", "1"), ("b", "2") }));
    }

    [Test]
    public void List_OfScalarMembers_ReadsEachValue()
    {
        var form = StsForm.Parse("TransitiveTagKeys.member.1=Project&TransitiveTagKeys.member.2=Cost");

        Assert.That(form.List("TransitiveTagKeys", prefix => form.Get(prefix)), Is.EqualTo(new[] { "Project", "Cost" }));
    }

    [Test]
    public void List_SentEmpty_IsEmpty()
    {
        var form = StsForm.Parse("Tags=&Action=AssumeRole");

        Assert.That(form.List("Tags", prefix => prefix), Is.Empty);
    }
}
