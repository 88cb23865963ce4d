using System.Globalization;
using System.Xml.Linq;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers.Listing;

/// <summary>Elements every listing response shares: Owner, Initiator, CommonPrefixes and numbers.</summary>
internal static class ListingXml
{
    /// <summary>The owner, shaped as ListBuckets shows it.</summary>
    public static XElement Owner(string accountId) => Principal("Owner", accountId);

    public static XElement Initiator(string accountId) => Principal("Initiator", accountId);

    public static IEnumerable<XElement> CommonPrefixes<T>(ListingPage<T> page, KeyEncoding encoding) =>
        page.CommonPrefixes.Select(p => E("CommonPrefixes", E("Prefix", encoding.Apply(p))));

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static XElement Principal(string name, string accountId) =>
        E(name, E("ID", BucketAccess.CanonicalUserId(accountId)), E("DisplayName", accountId));
}
