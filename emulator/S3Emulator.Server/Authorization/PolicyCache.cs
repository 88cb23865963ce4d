using System.Collections.Concurrent;
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

    private readonly ConcurrentDictionary<string, PolicyDocument> _parsed = new(StringComparer.Ordinal);

    public PolicyDocument Get(string json)
    {
        if (_parsed.TryGetValue(json, out var document)) return document;
        if (_parsed.Count >= Capacity) _parsed.Clear();
        return _parsed.GetOrAdd(json, PolicyDocument.Parse);
    }
}
