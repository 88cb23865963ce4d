using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.S3.Handlers;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>
/// The bodies of the bucket access settings: Block Public Access, Object Ownership, policy status and ACLs,
/// written against TestData/Xml golden files and read with the errors S3 gives.
/// </summary>
public sealed class AccessSettingsXmlTests
{
    private const string S3Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    [Test]
    public void PublicAccessBlock_MatchesGoldenXml()
    {
        var xml = S3Xml.ToText(PublicAccessBlockXml.Write(new PublicAccessBlock(true, false, true, false), S3Xml.Ns));

        GoldenXml.AssertMatches(xml, "GetPublicAccessBlock.Mixed");
    }

    [Test]
    public void PublicAccessBlock_InTheS3ControlNamespace_KeepsTheShape()
    {
        XNamespace control = "http://awss3control.amazonaws.com/doc/2018-08-20/";

        var root = PublicAccessBlockXml.Write(PublicAccessBlock.AllBlocked, control);

        Assert.That(root.DescendantsAndSelf().Select(e => e.Name.Namespace).Distinct(), Is.EqualTo(new[] { control }));
    }

    [Test]
    public void PublicAccessBlock_Read_StoresOmittedMembersAsFalse()
    {
        var configuration = PublicAccessBlockXml.Read(Parse(
            $"<PublicAccessBlockConfiguration xmlns=\"{S3Ns}\"><BlockPublicAcls>false</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy></PublicAccessBlockConfiguration>"));

        Assert.That(configuration, Is.EqualTo(new PublicAccessBlock(false, false, true, false)));
    }

    [Test]
    public void PublicAccessBlock_Read_WithNoMember_IsInvalidRequest()
    {
        var error = Refused(() => PublicAccessBlockXml.Read(Parse("<PublicAccessBlockConfiguration/>")));

        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidRequest", "Must specify at least one configuration.")));
    }

    [TestCase("<PublicAccessBlockConfiguration><BlockPublicAcls>yes</BlockPublicAcls></PublicAccessBlockConfiguration>")]
    [TestCase("<PublicAccessBlock><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlock>")]
    public void PublicAccessBlock_Read_WithABadValueOrRoot_IsMalformedXml(string body)
    {
        Assert.That(Refused(() => PublicAccessBlockXml.Read(Parse(body))).Code, Is.EqualTo("MalformedXML"));
    }

    [Test]
    public void OwnershipControls_MatchesGoldenXml()
    {
        GoldenXml.AssertMatches(
            S3Xml.ToText(OwnershipControlsXml.Write(ObjectOwnership.BucketOwnerPreferred)), "GetBucketOwnershipControls.BucketOwnerPreferred");
    }

    [TestCase("BucketOwnerEnforced", ObjectOwnership.BucketOwnerEnforced)]
    [TestCase("BucketOwnerPreferred", ObjectOwnership.BucketOwnerPreferred)]
    [TestCase("ObjectWriter", ObjectOwnership.ObjectWriter)]
    public void OwnershipControls_Read_GivesTheSetting(string value, ObjectOwnership expected)
    {
        var read = OwnershipControlsXml.Read(Parse($"<OwnershipControls xmlns=\"{S3Ns}\"><Rule><ObjectOwnership>{value}</ObjectOwnership></Rule></OwnershipControls>"));

        Assert.That(read, Is.EqualTo(expected));
    }

    [TestCase("<OwnershipControls><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule></OwnershipControls>", TestName = "OwnershipControls_Read_WithTwoRules_IsMalformedXml")]
    [TestCase("<OwnershipControls><Rule/></OwnershipControls>", TestName = "OwnershipControls_Read_WithAnEmptyRule_IsMalformedXml")]
    [TestCase("<OwnershipControls><Rule><ObjectOwnership>RandomValue</ObjectOwnership></Rule></OwnershipControls>", TestName = "OwnershipControls_Read_WithAnUnknownValue_IsMalformedXml")]
    [TestCase("<OwnershipControls><Rule><ObjectOwnership>objectwriter</ObjectOwnership></Rule></OwnershipControls>", TestName = "OwnershipControls_Read_WithAValueInTheWrongCase_IsMalformedXml")]
    [TestCase("<OwnershipControls/>", TestName = "OwnershipControls_Read_WithNoRule_IsMalformedXml")]
    public void OwnershipControls_Read_Refuses(string body)
    {
        Assert.That(Refused(() => OwnershipControlsXml.Read(Parse(body))).Code, Is.EqualTo("MalformedXML"));
    }

    [Test]
    public void PolicyStatus_MatchesGoldenXml()
    {
        GoldenXml.AssertMatches(S3Xml.ToText(PolicyStatusXml.Write(isPublic: true)), "GetBucketPolicyStatus.Public");
    }

    [Test]
    public void OwnerFullControlAcl_MatchesGoldenXml()
    {
        var xml = S3Xml.ToText(AccessControlPolicyXml.OwnerFullControl(BucketAccess.CanonicalUserId("123456789012")));

        GoldenXml.AssertMatches(xml, "GetBucketAcl.OwnerFullControl");
    }

    [Test]
    public void GrantsOnlyOwnerFullControl_ForTheOwnersOwnAcl_IsTrue()
    {
        var owner = BucketAccess.CanonicalUserId("123456789012");
        var body = AccessControlPolicyXml.OwnerFullControl(owner);

        Assert.That(AccessControlPolicyXml.GrantsOnlyOwnerFullControl(Parse(body.ToString()), owner), Is.True);
    }

    [TestCase("READ", "CanonicalUser", "{owner}", TestName = "GrantsOnlyOwnerFullControl_WithALesserPermission_IsFalse")]
    [TestCase("FULL_CONTROL", "CanonicalUser", "another-id", TestName = "GrantsOnlyOwnerFullControl_ToAnotherUser_IsFalse")]
    [TestCase("FULL_CONTROL", "Group", "{owner}", TestName = "GrantsOnlyOwnerFullControl_ToAGroup_IsFalse")]
    public void GrantsOnlyOwnerFullControl_WithAnyOtherGrant_IsFalse(string permission, string granteeType, string id)
    {
        var owner = BucketAccess.CanonicalUserId("123456789012");
        var body = $"""
            <AccessControlPolicy xmlns="{S3Ns}"><Owner><ID>{owner}</ID></Owner><AccessControlList>
              <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>{owner}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>
              <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="{granteeType}"><ID>{id.Replace("{owner}", owner, StringComparison.Ordinal)}</ID></Grantee><Permission>{permission}</Permission></Grant>
            </AccessControlList></AccessControlPolicy>
            """;

        Assert.That(AccessControlPolicyXml.GrantsOnlyOwnerFullControl(Parse(body), owner), Is.False);
    }

    private static XElement Parse(string xml) => XElement.Parse(xml);

    private static S3Error Refused(Action read) => Assert.Throws<S3Exception>(() => read())!.Error;
}
