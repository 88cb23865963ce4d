using System.Collections.Concurrent;

namespace S3Emulator.Server.Diagnostics;

/// <summary>
/// The requests this emulator served, oldest first, bounded by a capacity so that a long-running
/// server does not grow without end. Tests query it through the fixture; the host serves it as JSON.
/// </summary>
/// <remarks>
/// A request is recorded when its service returns, which can be after the client already read the whole answer
/// (the last bytes of a sized body complete it). So a query first waits, briefly, for the requests whose answers
/// have started: a test that asks right after its call returned sees that call, never the one before it.
/// </remarks>
public sealed class RequestJournal(int capacity)
{
    private static readonly TimeSpan AnsweredRequestWait = TimeSpan.FromSeconds(5);

    private readonly ConcurrentQueue<JournalEntry> _entries = new();
    private readonly ConcurrentDictionary<InFlightRequest, byte> _inFlight = new();

    /// <summary>A snapshot of the recorded requests, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            AwaitAnsweredRequests();
            return _entries.ToArray();
        }
    }

    /// <summary>
    /// Marks a request as being served until the returned handle is disposed (after its entry is recorded);
    /// <paramref name="answerStarted"/> says whether its client may already have the answer.
    /// </summary>
    public InFlightRequest Begin(Func<bool> answerStarted)
    {
        var request = new InFlightRequest(this, answerStarted);
        _inFlight.TryAdd(request, 0);
        return request;
    }

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

    private void AwaitAnsweredRequests()
    {
        var answered = _inFlight.Keys.Where(r => r.AnswerStarted).Select(r => r.Ended).ToArray();
        if (answered.Length > 0) Task.WaitAll(answered, AnsweredRequestWait);
    }

    /// <summary>One request between the moment it was routed and the moment its entry is recorded (or it ended without one).</summary>
    public sealed class InFlightRequest : IDisposable
    {
        private readonly RequestJournal _journal;
        private readonly Func<bool> _answerStarted;
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal InFlightRequest(RequestJournal journal, Func<bool> answerStarted)
        {
            _journal = journal;
            _answerStarted = answerStarted;
        }

        internal bool AnswerStarted => _answerStarted();

        internal Task Ended => _ended.Task;

        /// <summary>Ends the wait on this request: its entry is recorded, or it will have none.</summary>
        public void Dispose()
        {
            _journal._inFlight.TryRemove(this, out _);
            _ended.TrySetResult();
        }
    }
}
