using System.Security.Cryptography;
using S3Emulator.Core.Encryption;

namespace S3Emulator.Server.Encryption;

/// <summary>
/// The SSE-S3 data keys this emulator unsealed recently, so repeated GETs of one object version neither unseal its
/// key nor derive its segment keys again (together most of the cryptographic cost of reading a small object).
/// </summary>
/// <remarks>
/// Why this is safe: an entry is keyed by the whole sealed key (65 bytes, with its random 16-byte salt and GCM tag)
/// and the binding it was unsealed with, and unsealing is a pure function of those two and the master key, which is
/// fixed for the instance that owns the cache. A hit is therefore exactly what unsealing would give, and a sealed key
/// that fails to unseal is never entered. Only SSE-S3 keys are kept: an SSE-C key must not outlive its request, and
/// SSE-KMS asks KMS on every read so that a disabled key fails the read as in AWS. Keys live only in this process's
/// memory (never on disk, never logged), one cache per emulator instance, bounded by <see cref="Capacity"/> entries
/// (about 200 bytes each); the oldest entry goes first.
/// </remarks>
internal sealed class DataKeyCache(MasterKey masterKey)
{
    /// <summary>How many object versions' keys are kept.</summary>
    public const int Capacity = 4096;

    private readonly Dictionary<SealedKeyId, ContentDecryptionKey> _keys = new(SealedKeyId.Comparer);
    private readonly Queue<SealedKeyId> _order = new();
    private readonly Lock _gate = new();

    /// <summary>The key <paramref name="sealedKey"/> opens to under <paramref name="binding"/>: cached, or unsealed and then cached.</summary>
    /// <exception cref="KeyUnsealException">Another master key or binding, or damaged bytes (nothing is cached).</exception>
    public ContentDecryptionKey GetOrUnseal(byte[] sealedKey, string binding)
    {
        var id = new SealedKeyId(sealedKey, binding);
        lock (_gate)
        {
            if (_keys.TryGetValue(id, out var known)) return known;
        }

        var dataKey = masterKey.Unseal(sealedKey, binding);
        var key = ContentDecryptionKey.Reusable(dataKey);
        CryptographicOperations.ZeroMemory(dataKey);
        // The entry keeps its own copy of the sealed bytes: the record's array is not ours to pin.
        var stored = new SealedKeyId(sealedKey.ToArray(), binding);
        lock (_gate)
        {
            if (_keys.TryGetValue(stored, out var raced)) return raced;
            if (_keys.Count >= Capacity) _keys.Remove(_order.Dequeue());
            _keys.Add(stored, key);
            _order.Enqueue(stored);
        }

        return key;
    }

    /// <summary>A sealed key and the binding it opens under; equal only when both are equal byte for byte.</summary>
    private readonly record struct SealedKeyId(byte[] SealedKey, string Binding)
    {
        public static IEqualityComparer<SealedKeyId> Comparer { get; } = new IdComparer();

        private sealed class IdComparer : IEqualityComparer<SealedKeyId>
        {
            public bool Equals(SealedKeyId x, SealedKeyId y) =>
                x.SealedKey.AsSpan().SequenceEqual(y.SealedKey) && string.Equals(x.Binding, y.Binding, StringComparison.Ordinal);

            public int GetHashCode(SealedKeyId id)
            {
                var hash = new HashCode();
                hash.AddBytes(id.SealedKey);
                hash.Add(id.Binding, StringComparer.Ordinal);
                return hash.ToHashCode();
            }
        }
    }
}
