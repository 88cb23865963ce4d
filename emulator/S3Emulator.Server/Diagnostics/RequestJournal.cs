using System.Collections.Concurrent;

namespace S3Emulator.Server.Diagnostics;

/// <summary>
/// The requests this emulator served, oldest first, bounded by a capacity so that a long-running
/// server does not grow without end. Tests query it through the fixture; the host serves it as JSON.
/// </summary>
public sealed class RequestJournal(int capacity)
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();

    /// <summary>A snapshot of the recorded requests, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Entries => _entries.ToArray();

    public void Record(JournalEntry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > capacity && _entries.TryDequeue(out _))
        {
        }
    }

    /// <summary>The newest entry that matches <paramref name="predicate"/> (any entry when null); null when none does.</summary>
    public JournalEntry? Last(Func<JournalEntry, bool>? predicate = null) => Entries.LastOrDefault(e => predicate is null || predicate(e));

    /// <summary>The newest entry of <paramref name="operation"/> (<c>GetObject</c>, <c>kms:Encrypt</c>); null when there is none.</summary>
    public JournalEntry? Last(string operation) => Last(e => string.Equals(e.Operation, operation, StringComparison.Ordinal));

    public void Clear() => _entries.Clear();
}
