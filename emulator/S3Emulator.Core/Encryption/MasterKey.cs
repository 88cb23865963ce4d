using System.Security.Cryptography;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// The emulator's SSE-S3 master key. It never encrypts content: it seals each object's data key, and only the
/// sealed form is stored with the object. It comes from configuration, or from <see cref="FileName"/> in the
/// data folder (created owner-only), or — with neither — lives only in memory for the emulator's lifetime.
/// </summary>
public sealed class MasterKey
{
    /// <summary>The key file's name inside the data folder.</summary>
    public const string FileName = "s3emulator-master.key";

    private readonly byte[] _key;

    private MasterKey(byte[] key, MasterKeySource source, string? filePath)
    {
        _key = key;
        Source = source;
        FilePath = filePath;
    }

    /// <summary>Where the key came from (safe to log; the key itself never is).</summary>
    public MasterKeySource Source { get; }

    /// <summary>The key file, when <see cref="Source"/> is <see cref="MasterKeySource.File"/>.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// The configured key (base64 of 32 bytes) when given; else the key file in <paramref name="folder"/>,
    /// created with a random key on first use; else a random in-memory key.
    /// </summary>
    /// <exception cref="ArgumentException">The configured value is not base64 of 32 bytes.</exception>
    /// <exception cref="InvalidDataException">The key file exists but does not hold base64 of 32 bytes.</exception>
    public static MasterKey LoadOrCreate(string? folder, string? configuredBase64)
    {
        if (!string.IsNullOrWhiteSpace(configuredBase64))
        {
            return new MasterKey(DecodeConfigured(configuredBase64), MasterKeySource.Configured, null);
        }

        if (!string.IsNullOrEmpty(folder))
        {
            var path = Path.GetFullPath(Path.Combine(folder, FileName));
            return new MasterKey(MasterKeyFile.LoadOrCreate(path), MasterKeySource.File, path);
        }

        return new MasterKey(DataKeys.NewDataKey(), MasterKeySource.Ephemeral, null);
    }

    /// <summary>A master key from raw bytes (tests, or a host that fetches it from a secret store).</summary>
    public static MasterKey FromBytes(ReadOnlySpan<byte> key)
    {
        KeySealing.RequireKey(key, nameof(key));
        return new MasterKey(key.ToArray(), MasterKeySource.Configured, null);
    }

    /// <summary>Seals <paramref name="dataKey"/> for storage; <paramref name="binding"/> (e.g. <c>bucket/key</c> or an upload id) must be given again to unseal.</summary>
    public byte[] Seal(ReadOnlySpan<byte> dataKey, string binding) =>
        KeySealing.Seal(_key, KeyDerivationLabels.SseS3Seal, dataKey, binding);

    /// <summary>Opens a key made by <see cref="Seal"/>.</summary>
    /// <exception cref="KeyUnsealException">Another master key or binding, or damaged bytes.</exception>
    public byte[] Unseal(ReadOnlySpan<byte> sealedKey, string binding) =>
        KeySealing.TryUnseal(_key, KeyDerivationLabels.SseS3Seal, sealedKey, binding, out var dataKey)
            ? dataKey
            : throw new KeyUnsealException("The sealed data key does not open with this master key and binding.");

    /// <summary>
    /// A key for another purpose (<paramref name="label"/>, one of <see cref="KeyDerivationLabels"/>), derived with
    /// HKDF so that it reveals nothing of the master key and no two purposes share a key.
    /// </summary>
    internal byte[] DeriveKey(ReadOnlySpan<byte> label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, ContentEncryption.DataKeySize, salt: [], info: label.ToArray());

    private static byte[] DecodeConfigured(string base64)
    {
        var key = new byte[ContentEncryption.DataKeySize];
        if (!Convert.TryFromBase64String(base64.Trim(), key, out var written) || written != key.Length)
        {
            // The value is a secret, so it is not echoed.
            throw new ArgumentException("The configured master key must be base64 of 32 bytes.", nameof(base64));
        }

        return key;
    }
}

/// <summary>Where a <see cref="MasterKey"/> came from.</summary>
public enum MasterKeySource
{
    /// <summary>Given by configuration (or <see cref="MasterKey.FromBytes"/>).</summary>
    Configured,

    /// <summary>Read from, or created as, the key file in the data folder.</summary>
    File,

    /// <summary>Random and in memory only: objects do not survive a restart readable.</summary>
    Ephemeral,
}
