using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Core.Identity;

/// <summary>
/// The identifiers IAM and STS hand out: unique ids (<c>AIDA…</c> users, <c>AROA…</c> roles, 21 characters) and
/// temporary access key ids (<c>ASIA…</c>, 20 characters) in IAM's alphabet (upper-case letters and digits 2–7),
/// and secrets of 40 characters as AWS's look.
/// </summary>
public static class UniqueIds
{
    /// <summary>The prefix of a user's unique id.</summary>
    public const string UserPrefix = "AIDA";

    /// <summary>The prefix of a role's unique id.</summary>
    public const string RolePrefix = "AROA";

    /// <summary>The prefix of a temporary (session) access key id.</summary>
    public const string SessionKeyPrefix = "ASIA";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>
    /// A user's or role's unique id, derived from its account and name so that it stays the same across restarts
    /// (IAM draws it at random once; a configured emulator has no place to keep it).
    /// </summary>
    public static string Derived(string prefix, string accountId, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{prefix}:{accountId}:{name}"));
        return prefix + Encode(hash, 17);
    }

    /// <summary>A fresh <c>ASIA…</c> access key id of 20 characters.</summary>
    public static string NewSessionAccessKeyId() =>
        SessionKeyPrefix + Encode(RandomNumberGenerator.GetBytes(16), 16);

    /// <summary>A fresh 40-character secret access key.</summary>
    public static string NewSecretAccessKey() => RandomNumberGenerator.GetString(SecretAlphabet, 40);

    private static string Encode(byte[] bytes, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        }

        return new string(chars);
    }
}
