using System.Collections.Concurrent;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// The stored bytes of recently read small versions, so a GET of a small object costs no file open and close.
/// </summary>
/// <remarks>
/// <para>
/// Why: opening a version file is <c>open</c>, <c>fstat</c> and <c>flock</c> (.NET's advisory share lock), and
/// closing it another <c>flock</c> and <c>close</c>; for a 4 KiB GET those syscalls were about a tenth of the
/// host's CPU time (perf, GET 4 KiB c=64) and most of what the file store cost over the in-memory store.
/// </para>
/// <para>
/// Safe without any invalidation: entries are keyed by the content file's path, and a path is never reused
/// (a version file's name carries the store's growing sequence number, a separate content file a GUID), while the
/// content range of a file never changes once committed (a version file's later records are appended after it).
/// A reader only asks for the path of the version the index names now, so an entry of a replaced or deleted
/// version is never served again; it only takes room until it is evicted. The bytes are the same at-rest bytes as
/// on disk (ciphertext when the object is encrypted), as the in-memory store holds them.
/// </para>
/// <para>
/// Bounded: only contents up to <see cref="MaxEntryBytes"/> are kept, at most <see cref="BudgetBytes"/> in all;
/// when an insert would pass the budget, arbitrary entries are dropped until half of it is free. Thread-safe.
/// </para>
/// </remarks>
internal sealed class SmallContentCache
{
    /// <summary>The largest content kept: a few frames of a small object, far below the large-object heap.</summary>
    public const int MaxEntryBytes = 16 * 1024;

    /// <summary>All entries together: at most 8 MiB of the host's memory.</summary>
    public const long BudgetBytes = 8 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>True when content of this length is worth keeping.</summary>
    public static bool Fits(long length) => length <= MaxEntryBytes;

    /// <summary>The bytes kept for <paramref name="content"/>, or null.</summary>
    public byte[]? Find(ContentFile content) =>
        _entries.TryGetValue(content.Path, out var entry) && entry.Offset == content.Offset
                                                          && entry.Bytes.Length == content.Length
            ? entry.Bytes
            : null;

    /// <summary>Keeps <paramref name="bytes"/>, read from <paramref name="content"/>, evicting others when over budget.</summary>
    public void Add(ContentFile content, byte[] bytes)
    {
        if (!Fits(bytes.Length)) return;
        if (!_entries.TryAdd(content.Path, new Entry(content.Offset, bytes))) return;
        if (Interlocked.Add(ref _bytes, bytes.Length) > BudgetBytes) Shrink();
    }

    private void Shrink()
    {
        foreach (var path in _entries.Keys)
        {
            if (Volatile.Read(ref _bytes) <= BudgetBytes / 2) return;
            if (_entries.TryRemove(path, out var removed)) Interlocked.Add(ref _bytes, -removed.Bytes.Length);
        }
    }

    private sealed record Entry(long Offset, byte[] Bytes);
}
