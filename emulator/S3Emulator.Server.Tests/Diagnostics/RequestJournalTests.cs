using S3Emulator.Server.Diagnostics;

namespace S3Emulator.Server.Tests.Diagnostics;

public sealed class RequestJournalTests
{
    private static JournalEntry Entry(string operation) =>
        new(DateTimeOffset.UnixEpoch, "req", "GET", operation, "bucket", "key", null, 200, null, TimeSpan.Zero);

    [Test]
    public async Task Last_WhileAnAnsweredRequestIsStillBeingRecorded_WaitsForItsEntry()
    {
        var journal = new RequestJournal(10);
        journal.Record(Entry("ListObjectsV2"));
        var inFlight = journal.Begin(answerStarted: () => true);

        var query = Task.Run(() => journal.Last("ListObjectsV2"));
        await Task.Delay(100);
        var answeredEarly = query.IsCompleted;
        var newest = Entry("ListObjectsV2") with { RequestId = "newest" };
        journal.Record(newest);
        inFlight.Dispose();

        Assert.That(answeredEarly, Is.False, "the query must not answer with the entry before the answered request");
        Assert.That(await query, Is.SameAs(newest));
    }

    [Test]
    public async Task Last_WaitsForAnsweredRequests_AlsoWhenMoreAreInFlightThanTheJournalHasSlotsFor()
    {
        var journal = new RequestJournal(10);
        journal.Record(Entry("GetObject"));
        var inFlight = Enumerable.Range(0, 1100).Select(_ => journal.Begin(answerStarted: () => true)).ToList();
        // The first 1024 hold every slot (InFlightRequests.SlotCount); ending them leaves only the requests tracked beyond.
        foreach (var request in inFlight.Take(1024)) request.Dispose();

        var query = Task.Run(() => journal.Last("GetObject"));
        await Task.Delay(100);
        var answeredEarly = query.IsCompleted;
        foreach (var request in inFlight.Skip(1024)) request.Dispose();

        Assert.That(answeredEarly, Is.False, "the query must wait for the requests beyond the slots too");
        Assert.That(await query, Is.Not.Null);
    }

    [Test]
    public void Last_DoesNotWaitForARequestWhoseAnswerHasNotStarted()
    {
        var journal = new RequestJournal(10);
        journal.Record(Entry("GetObject"));
        journal.Begin(answerStarted: () => false);

        var query = Task.Run(() => journal.Last("GetObject"));

        Assert.That(query.Wait(TimeSpan.FromSeconds(2)), Is.True);
        Assert.That(query.Result?.Operation, Is.EqualTo("GetObject"));
    }

    [Test]
    public void Last_AfterAnAnsweredRequestEndedWithoutAnEntry_DoesNotWait()
    {
        var journal = new RequestJournal(10);
        journal.Record(Entry("GetObject"));
        var inFlight = journal.Begin(answerStarted: () => true);
        inFlight.Dispose();

        var query = Task.Run(() => journal.Last("GetObject"));

        Assert.That(query.Wait(TimeSpan.FromSeconds(2)), Is.True);
    }

    [Test]
    public void Entries_AreBoundedByTheCapacity_OldestDroppedFirst()
    {
        var journal = new RequestJournal(2);

        foreach (var operation in new[] { "A", "B", "C" }) journal.Record(Entry(operation));

        Assert.That(journal.Entries.Select(e => e.Operation), Is.EqualTo(new[] { "B", "C" }));
    }
}
