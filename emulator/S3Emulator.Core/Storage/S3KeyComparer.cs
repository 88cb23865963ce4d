using System.Text;

namespace S3Emulator.Core.Storage;

/// <summary>
/// Orders keys as S3 lists them: by the bytes of their UTF-8 encoding. UTF-16 ordinal order differs
/// for characters above U+FFFF, whose surrogates sort below U+E000..U+FFFF.
/// </summary>
public sealed class S3KeyComparer : IComparer<string>
{
    public static readonly S3KeyComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var left = x.EnumerateRunes().GetEnumerator();
        var right = y.EnumerateRunes().GetEnumerator();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight) return hasLeft.CompareTo(hasRight);
            // Code point order equals UTF-8 byte order.
            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0) return order;
        }
    }
}
