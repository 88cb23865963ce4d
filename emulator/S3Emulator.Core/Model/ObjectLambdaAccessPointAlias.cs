using System.Security.Cryptography;

namespace S3Emulator.Core.Model;

/// <summary>
/// Makes and recognises Object Lambda access point aliases. AWS's shape is <c>{name prefix}-{metadata}--ol-s3</c>
/// (e.g. <c>my-object-lambda-acc-1a4n8yjrb3kda96f67zwrwiiuse1a--ol-s3</c>): a valid bucket name, so clients use it
/// wherever a bucket name goes. The metadata here is 34 random lowercase letters and digits, as in
/// <see cref="AccessPointAlias"/>; the name prefix is cut to 20 characters as AWS's example shows.
/// </summary>
public static class ObjectLambdaAccessPointAlias
{
    /// <summary>The suffix S3 reserves for Object Lambda access point aliases.</summary>
    public const string Suffix = "--ol-s3";

    /// <summary>Length of the random part between the name prefix and <see cref="Suffix"/>.</summary>
    public const int MetadataLength = 34;

    private const int MaxPrefixLength = 20;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh alias for the Object Lambda access point <paramref name="name"/>: call once, at creation, and store it.</summary>
    public static string Create(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var prefix = (name.Length > MaxPrefixLength ? name[..MaxPrefixLength] : name).TrimEnd('-');
        return $"{prefix}-{RandomNumberGenerator.GetString(Alphabet, MetadataLength)}{Suffix}";
    }

    /// <summary>Whether <paramref name="bucketName"/> is in the alias shape (it may still name no Object Lambda access point).</summary>
    public static bool IsAlias(string bucketName) =>
        bucketName.EndsWith(Suffix, StringComparison.Ordinal) && bucketName.Length > Suffix.Length + MetadataLength + 1;
}
