using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace S3Emulator.Server.Auth;

/// <summary>The access keys the emulator knows, looked up by access key id (case-sensitive, as AWS does).</summary>
internal sealed class CredentialStore
{
    private readonly FrozenDictionary<string, S3Credential> _byAccessKey;

    public CredentialStore(IEnumerable<S3Credential> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var map = new Dictionary<string, S3Credential>(StringComparer.Ordinal);
        foreach (var credential in credentials)
        {
            if (!map.TryAdd(credential.AccessKeyId, credential))
            {
                throw new ArgumentException($"Access key '{credential.AccessKeyId}' is configured twice.", nameof(credentials));
            }
        }

        _byAccessKey = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every configured credential.</summary>
    public IReadOnlyCollection<S3Credential> All => _byAccessKey.Values;

    public bool TryGet(string accessKeyId, [NotNullWhen(true)] out S3Credential? credential) =>
        _byAccessKey.TryGetValue(accessKeyId, out credential);
}
