using System.Xml.Linq;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Protocol;

/// <summary><c>&lt;PolicyStatus&gt;&lt;IsPublic&gt;</c>, GetBucketPolicyStatus's answer (public-access.md §2).</summary>
internal static class PolicyStatusXml
{
    public static XElement Write(bool isPublic) => E("PolicyStatus", E("IsPublic", Bool(isPublic)));
}
