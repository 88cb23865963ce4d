using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// Derives SigV4 signing keys (<c>HMAC("AWS4"+secret, date) → region → service → "aws4_request"</c>) and
/// caches them per instance: the key changes only daily, while every request and chunk needs it.
/// </summary>
internal sealed class SigningKeyCache
{
    // Enough for many keys × regions × services × a couple of days; cleared wholesale beyond that.
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<(string Secret, string Date, string Region, string Service), byte[]> _keys = new();

    public byte[] Get(string secretAccessKey, string date, string region, string service)
    {
        var cacheKey = (secretAccessKey, date, region, service);
        if (_keys.TryGetValue(cacheKey, out var key))
        {
            return key;
        }

        if (_keys.Count >= MaxEntries)
        {
            _keys.Clear();
        }

        return _keys.GetOrAdd(cacheKey, static k => Derive(k.Secret, k.Date, k.Region, k.Service));
    }

    public static byte[] Derive(string secretAccessKey, string date, string region, string service)
    {
        var dateKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        var regionKey = HMACSHA256.HashData(dateKey, Encoding.UTF8.GetBytes(region));
        var serviceKey = HMACSHA256.HashData(regionKey, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(serviceKey, Encoding.UTF8.GetBytes(SigV4Constants.Terminator));
    }

    /// <summary>The lowercase-hex HMAC-SHA256 signature of <paramref name="stringToSign"/>.</summary>
    public static string Sign(byte[] signingKey, string stringToSign)
    {
        // A string to sign is about 150 ASCII bytes; a longer one (a long scope) takes an array as before.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(stringToSign.Length);
        var utf8 = maxBytes <= 512 ? stackalloc byte[512] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(stringToSign, utf8);
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(signingKey, utf8[..length], signature);
        return Hex.Lower(signature);
    }
}
