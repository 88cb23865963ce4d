using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// A KMS key the emulator starts with (configuration: <c>S3Emulator__KmsKeys__0__KeyId</c>, …), so that
/// compose and container users have their keys and tests can name keys deterministically. Created at
/// start-up unless it exists already (found by <see cref="KeyId"/>, else by one of <see cref="Aliases"/>).
/// </summary>
public sealed class KmsKeyOptions
{
    /// <summary>A fixed key id (a UUID such as <c>1234abcd-12ab-34cd-56ef-1234567890ab</c>); empty picks a fresh one.</summary>
    public string? KeyId { get; set; }

    /// <summary>Alias names (<c>alias/my-key</c>) pointed at the key. A key without <see cref="KeyId"/> needs at least one.</summary>
    public List<string> Aliases { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>False creates the key disabled.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>32 bytes of key material in base64, for tests that need the same ciphertext every run; empty draws random bytes.</summary>
    public string? KeyMaterialBase64 { get; set; }

    internal KmsKeySeed ToSeed() => new(
        string.IsNullOrEmpty(KeyId) ? null : KeyId,
        Aliases,
        Description,
        Enabled,
        string.IsNullOrEmpty(KeyMaterialBase64) ? null : Convert.FromBase64String(KeyMaterialBase64));
}
