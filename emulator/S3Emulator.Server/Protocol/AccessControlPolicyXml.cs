using System.Xml.Linq;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Protocol;

/// <summary>
/// <c>&lt;AccessControlPolicy&gt;</c>: the answer to GetBucketAcl and GetObjectAcl, and the body PutBucketAcl and
/// PutObjectAcl may carry. The emulator stores no ACL grants, so the only ACL it answers is the owner's FULL_CONTROL.
/// </summary>
internal static class AccessControlPolicyXml
{
    private const string FullControl = "FULL_CONTROL";

    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The owner, and one grant: FULL_CONTROL to the owner (public-access.md §4).</summary>
    public static XElement OwnerFullControl(string ownerCanonicalId) =>
        E("AccessControlPolicy",
            E("Owner", E("ID", ownerCanonicalId)),
            E("AccessControlList",
                E("Grant",
                    E("Grantee",
                        new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
                        new XAttribute(Xsi + "type", "CanonicalUser"),
                        E("ID", ownerCanonicalId)),
                    E("Permission", FullControl))));

    /// <summary>
    /// Whether a request body grants nothing but FULL_CONTROL to <paramref name="ownerCanonicalId"/>: the XML form of
    /// <c>bucket-owner-full-control</c>, which a bucket with ACLs disabled still accepts.
    /// </summary>
    public static bool GrantsOnlyOwnerFullControl(XElement root, string ownerCanonicalId)
    {
        if (root.Name.LocalName != "AccessControlPolicy") return false;
        var grants = root.Children("AccessControlList").SelectMany(l => l.Children("Grant")).ToList();
        return grants.Count > 0 && grants.All(grant =>
            grant.Child("Permission")?.Trim() == FullControl
            && grant.Children("Grantee").SingleOrDefault() is { } grantee
            && (string?)grantee.Attribute(Xsi + "type") == "CanonicalUser"
            && grantee.Child("ID")?.Trim() == ownerCanonicalId);
    }
}
