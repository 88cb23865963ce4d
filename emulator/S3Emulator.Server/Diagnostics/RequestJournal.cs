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
    private readonly InFlightRequests _inFlight = new();

    // Counted here: ConcurrentQueue.Count takes a lock whenever the queue spans segments, and Record asks on every request.
    private int _count;

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
    public InFlightRequest Begin(Func<bool> answerStarted) => Begin(static state => ((Func<bool>)state)(), answerStarted);

    /// <summary>
    /// <see cref="Begin(Func{bool})"/> without a closure: <paramref name="answerStarted"/> is asked about
    /// <paramref name="state"/> (the request), so that the request path allocates no delegate.
    /// </summary>
    public InFlightRequest Begin(Func<object, bool> answerStarted, object state)
    {
        var request = new InFlightRequest(this, answerStarted, state);
        request.Slot = _inFlight.Add(request);
        return request;
    }

    public void Record(JournalEntry entry)
    {
        _entries.Enqueue(entry);
        if (Interlocked.Increment(ref _count) <= capacity) return;
        if (_entries.TryDequeue(out _)) Interlocked.Decrement(ref _count);
    }

    /// <summary>The newest entry that matches <paramref name="predicate"/> (any entry when null); null when none does.</summary>
    public JournalEntry? Last(Func<JournalEntry, bool>? predicate = null) => Entries.LastOrDefault(e => predicate is null || predicate(e));

    /// <summary>The newest entry of <paramref name="operation"/> (<c>GetObject</c>, <c>kms:Encrypt</c>); null when there is none.</summary>
    public JournalEntry? Last(string operation) => Last(e => string.Equals(e.Operation, operation, StringComparison.Ordinal));

    public void Clear()
    {
        while (_entries.TryDequeue(out _)) Interlocked.Decrement(ref _count);
    }

    private void AwaitAnsweredRequests()
    {
        var answered = _inFlight.Snapshot().Where(r => r.AnswerStarted).Select(r => r.Ended).ToArray();
        if (answered.Length > 0) Task.WaitAll(answered, AnsweredRequestWait);
    }

    /// <summary>One request between the moment it was routed and the moment its entry is recorded (or it ended without one).</summary>
    public sealed class InFlightRequest : IDisposable
    {
        private readonly RequestJournal _journal;
        private readonly Func<object, bool> _answerStarted;
        private readonly object _state;

        // Made only when a query waits for this request: almost every request ends unwatched.
        private TaskCompletionSource? _waiter;
        private int _ended;

        internal InFlightRequest(RequestJournal journal, Func<object, bool> answerStarted, object state)
        {
            _journal = journal;
            _answerStarted = answerStarted;
            _state = state;
        }

        internal int Slot { get; set; }

        internal bool AnswerStarted => _answerStarted(_state);

        internal Task Ended
        {
            get
            {
                var waiter = Interlocked.CompareExchange(ref _waiter, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null)
                    ?? _waiter;
                // Dispose sets the flag before it looks for a waiter: one of the two sides always completes it.
                if (Volatile.Read(ref _ended) == 1) waiter.TrySetResult();
                return waiter.Task;
            }
        }

        /// <summary>Ends the wait on this request: its entry is recorded, or it will have none.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 1) return;
            _journal._inFlight.Remove(this, Slot);
            Volatile.Read(ref _waiter)?.TrySetResult();
        }
    }
}
