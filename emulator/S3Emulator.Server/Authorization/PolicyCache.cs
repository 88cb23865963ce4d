using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using S3Emulator.Core.Policy;

namespace S3Emulator.Server.Authorization;

/// <summary>
/// Parsed policies by their text. Stores keep policies as the client sent them (GetBucketPolicy answers them
/// verbatim); parsing and compiling one on every request would cost more than the request. Texts were validated when
/// they were stored, so a parse failure here means stored data is corrupt.
/// </summary>
internal sealed class PolicyCache
{
    // Policies are few (one per bucket or access point); the bound only guards against unbounded churn.
    private const int Capacity = 4096;

    // A store hands back the very string it holds, so most look-ups end here without hashing a 20 KB text.
    private readonly ConditionalWeakTable<string, PolicyDocument> _byInstance = [];
    private readonly ConcurrentDictionary<string, PolicyDocument> _byText = new(StringComparer.Ordinal);

    public PolicyDocument Get(string json)
    {
        if (_byInstance.TryGetValue(json, out var document)) return document;
        if (_byText.Count >= Capacity) _byText.Clear();
        document = _byText.GetOrAdd(json, PolicyDocument.Parse);
        _byInstance.AddOrUpdate(json, document);
        return document;
    }
}
