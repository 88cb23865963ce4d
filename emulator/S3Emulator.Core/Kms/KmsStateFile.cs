using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace S3Emulator.Core.Kms;

/// <summary>
/// Keeps the mock's keys and aliases in a folder across restarts:
/// <code>
/// master.key   32 random bytes, owner read/write only (0600), made on first use
/// kms.json     keys and aliases; each key's material sealed with AES-256-GCM under master.key
/// </code>
/// The master key sits beside the file it seals, so this protects against key material leaking through
/// a copied or logged state file, not against someone who can read the whole folder.
/// </summary>
internal sealed class KmsStateFile
{
    private const string MasterKeyName = "master.key";
    private const string StateName = "kms.json";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string _folder;
    private readonly byte[] _masterKey;

    public KmsStateFile(string folder)
    {
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
        _masterKey = LoadOrCreateMasterKey(Path.Combine(_folder, MasterKeyName));
    }

    public KmsStateRecord Load()
    {
        var path = Path.Combine(_folder, StateName);
        if (!File.Exists(path)) return new KmsStateRecord([], []);
        var json = File.ReadAllBytes(path);
        return JsonSerializer.Deserialize(json, KmsJsonContext.Default.KmsStateRecord)
            ?? throw new InvalidDataException($"{path} holds no KMS state.");
    }

    /// <summary>Writes the whole state to a temp file and renames it over the old one, so a crash leaves one or the other.</summary>
    public void Save(KmsStateRecord state)
    {
        var path = Path.Combine(_folder, StateName);
        var temp = path + ".tmp";
        using (var stream = OpenOwnerOnly(temp, FileMode.Create))
        {
            JsonSerializer.Serialize(stream, state, KmsJsonContext.Default.KmsStateRecord);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>nonce | ciphertext | tag, bound to the key id so sealed material cannot be moved to another key.</summary>
    public string SealMaterial(string keyId, byte[] material)
    {
        var sealedBytes = new byte[NonceSize + material.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_masterKey, TagSize);
        aes.Encrypt(nonce, material, sealedBytes.AsSpan(NonceSize, material.Length), sealedBytes.AsSpan(^TagSize), Encoding.UTF8.GetBytes(keyId));
        return Convert.ToBase64String(sealedBytes);
    }

    public byte[] OpenMaterial(string keyId, string sealedMaterial)
    {
        var sealedBytes = Convert.FromBase64String(sealedMaterial);
        var material = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_masterKey, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, material.Length), sealedBytes.AsSpan(^TagSize), material,
                Encoding.UTF8.GetBytes(keyId));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new InvalidDataException($"The key material of KMS key {keyId} does not open with {MasterKeyName}; was the file replaced?", exception);
        }

        return material;
    }

    private static byte[] LoadOrCreateMasterKey(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            return existing.Length == 32 ? existing : throw new InvalidDataException($"{path} must hold exactly 32 bytes.");
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        using (var stream = OpenOwnerOnly(temp, FileMode.Create))
        {
            stream.Write(key);
        }

        // Another emulator over the same folder may have won the race; then its key is the key.
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return LoadOrCreateMasterKey(path);
        }

        return key;
    }

    private static FileStream OpenOwnerOnly(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}

/// <summary>The persisted state: keys in creation order and aliases.</summary>
internal sealed record KmsStateRecord(List<KmsKeyRecord> Keys, List<KmsAliasRecord> Aliases);

internal sealed record KmsKeyRecord(
    string KeyId,
    string SealedMaterial,
    DateTimeOffset CreationDate,
    string KeyManager,
    string Description,
    KmsKeyState State,
    DateTimeOffset? DeletionDate,
    int? PendingWindowInDays);

internal sealed record KmsAliasRecord(string AliasName, string TargetKeyId, DateTimeOffset CreationDate, DateTimeOffset LastUpdatedDate);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(KmsStateRecord))]
internal sealed partial class KmsJsonContext : JsonSerializerContext;
