using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Protocol;

/// <summary><c>&lt;OwnershipControls&gt;&lt;Rule&gt;&lt;ObjectOwnership&gt;</c> (public-access.md §4).</summary>
internal static class OwnershipControlsXml
{
    /// <summary>
    /// Reads a PutBucketOwnershipControls body: exactly one flattened Rule with one known ObjectOwnership.
    /// Two rules, an empty rule or an unknown value are MalformedXML, as S3 answers.
    /// </summary>
    public static ObjectOwnership Read(XElement root)
    {
        var rules = root.Children("Rule").ToList();
        if (root.Name.LocalName != "OwnershipControls" || rules.Count != 1) throw new S3Exception(S3Errors.MalformedXML);
        var values = rules[0].Children("ObjectOwnership").ToList();
        if (values.Count != 1) throw new S3Exception(S3Errors.MalformedXML);
        return Parse(values[0].Value.Trim()) ?? throw new S3Exception(S3Errors.MalformedXML);
    }

    public static XElement Write(ObjectOwnership ownership) =>
        E("OwnershipControls", E("Rule", E("ObjectOwnership", ownership.ToString())));

    /// <summary>The setting S3 spells <paramref name="value"/> (case-sensitive, as on the wire); null for anything else.</summary>
    public static ObjectOwnership? Parse(string value) => value switch
    {
        nameof(ObjectOwnership.BucketOwnerEnforced) => ObjectOwnership.BucketOwnerEnforced,
        nameof(ObjectOwnership.BucketOwnerPreferred) => ObjectOwnership.BucketOwnerPreferred,
        nameof(ObjectOwnership.ObjectWriter) => ObjectOwnership.ObjectWriter,
        _ => null,
    };
}
