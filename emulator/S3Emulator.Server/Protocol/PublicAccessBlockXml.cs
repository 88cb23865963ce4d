using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Protocol;

/// <summary>
/// <c>&lt;PublicAccessBlockConfiguration&gt;</c>, the same four members at bucket level (S3 namespace) and account or
/// access-point level (S3 Control namespace); public-access.md §2.
/// </summary>
internal static class PublicAccessBlockXml
{
    public const string RootName = "PublicAccessBlockConfiguration";

    /// <summary>
    /// Reads a PutPublicAccessBlock body. An omitted member is stored as false; a body naming none is
    /// InvalidRequest "Must specify at least one configuration." as S3 Control answers (the bucket level is
    /// unconfirmed: the same choice). A value other than true/false is MalformedXML.
    /// </summary>
    public static PublicAccessBlock Read(XElement root)
    {
        if (root.Name.LocalName != RootName) throw new S3Exception(S3Errors.MalformedXML);
        var flags = new[] { "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" }
            .Select(name => Flag(root, name))
            .ToArray();
        if (flags.All(f => f is null)) throw new S3Exception(S3Errors.InvalidRequest("Must specify at least one configuration."));
        return new PublicAccessBlock(flags[0] ?? false, flags[1] ?? false, flags[2] ?? false, flags[3] ?? false);
    }

    /// <summary>Writes the configuration with all four members, in <paramref name="ns"/> (S3's or S3 Control's).</summary>
    public static XElement Write(PublicAccessBlock configuration, XNamespace ns) => new(
        ns + RootName,
        new XElement(ns + "BlockPublicAcls", Bool(configuration.BlockPublicAcls)),
        new XElement(ns + "IgnorePublicAcls", Bool(configuration.IgnorePublicAcls)),
        new XElement(ns + "BlockPublicPolicy", Bool(configuration.BlockPublicPolicy)),
        new XElement(ns + "RestrictPublicBuckets", Bool(configuration.RestrictPublicBuckets)));

    private static bool? Flag(XElement root, string name) => root.Child(name)?.Trim() switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw new S3Exception(S3Errors.MalformedXML),
    };
}
