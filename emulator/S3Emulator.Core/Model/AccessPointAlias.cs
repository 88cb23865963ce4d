using System.Security.Cryptography;

namespace S3Emulator.Core.Model;

/// <summary>
/// Makes and recognises access point aliases. AWS's shape is <c>{name prefix}-{metadata}-s3alias</c>
/// (e.g. <c>my-access-point-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias</c>): a valid bucket name, so clients
/// use it wherever a bucket name goes. The metadata here is 34 random lowercase letters and digits, as long as
/// AWS's; the name prefix is cut so the alias stays within the 63 characters a bucket name may have.
/// </summary>
public static class AccessPointAlias
{
    /// <summary>The suffix S3 reserves for access point aliases; no bucket or access point name may end with it.</summary>
    public const string Suffix = "-s3alias";

    /// <summary>Length of the random part between the name prefix and <see cref="Suffix"/>.</summary>
    public const int MetadataLength = 34;

    private const int MaxBucketNameLength = 63;
    private const int MaxPrefixLength = MaxBucketNameLength - MetadataLength - 1 - 8;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh alias for the access point <paramref name="name"/>: call once, at creation, and store it.</summary>
    public static string Create(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var prefix = name.Length > MaxPrefixLength ? name[..MaxPrefixLength] : name;
        // A cut may end on '-'; trimming keeps the alias free of '--', which S3 reserves for other suffixes.
        prefix = prefix.TrimEnd('-');
        var metadata = RandomNumberGenerator.GetString(Alphabet, MetadataLength);
        return $"{prefix}-{metadata}{Suffix}";
    }

    /// <summary>Whether <paramref name="bucketName"/> is in the alias shape (it may still name no access point).</summary>
    public static bool IsAlias(string bucketName) =>
        bucketName.EndsWith(Suffix, StringComparison.Ordinal) && bucketName.Length > Suffix.Length + MetadataLength + 1;
}
