using S3Emulator.Core.Storage;

namespace S3Emulator.Server.Services.S3.Handlers.Listing;

/// <summary>
/// One page of a listing, filled from entries offered in S3 key order: entries whose key continues past
/// the prefix up to the delimiter roll up into a common prefix, and keys and common prefixes together
/// count toward the page size. A common prefix that sorts at or before <paramref name="after"/> (the
/// marker, start-after or continuation point) was already listed, so it is never returned twice.
/// </summary>
/// <typeparam name="T">What is listed: objects or multipart uploads.</typeparam>
internal sealed class ListingPage<T>(string prefix, string? delimiter, string? after, int maxEntries)
{
    private readonly List<T> _contents = [];
    private readonly List<string> _commonPrefixes = [];

    public IReadOnlyList<T> Contents => _contents;

    public IReadOnlyList<string> CommonPrefixes => _commonPrefixes;

    public bool IsTruncated { get; private set; }

    /// <summary>The last key or common prefix on the page: where the next page resumes.</summary>
    public string? LastEntry { get; private set; }

    /// <summary>Whether <see cref="LastEntry"/> is a common prefix rather than a key.</summary>
    public bool LastEntryIsCommonPrefix { get; private set; }

    /// <summary>Keys plus common prefixes: what S3 reports as KeyCount.</summary>
    public int Count => _contents.Count + _commonPrefixes.Count;

    /// <summary>Offers the next entry in key order; false once the page is complete and listing can stop.</summary>
    public bool Offer(T item, string key)
    {
        // S3 answers max-keys=0 with an empty, untruncated page.
        if (maxEntries == 0) return false;
        var commonPrefix = CommonPrefixOf(key);
        if (commonPrefix is not null)
        {
            if (LastEntryIsCommonPrefix && commonPrefix == LastEntry) return true;
            if (after is not null && S3KeyComparer.Instance.Compare(commonPrefix, after) <= 0) return true;
        }
        if (Count == maxEntries)
        {
            IsTruncated = true;
            return false;
        }
        if (commonPrefix is null) _contents.Add(item);
        else _commonPrefixes.Add(commonPrefix);
        LastEntry = commonPrefix ?? key;
        LastEntryIsCommonPrefix = commonPrefix is not null;
        return true;
    }

    private string? CommonPrefixOf(string key)
    {
        if (string.IsNullOrEmpty(delimiter) || !key.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var index = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return index < 0 ? null : key[..(index + delimiter.Length)];
    }
}
