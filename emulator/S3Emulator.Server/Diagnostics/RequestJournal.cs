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

    public void Clear() => _entries.Clear();
}
