using System.Collections.Concurrent;

namespace S3Emulator.Server.Diagnostics;

/// <summary>
/// The requests between routing and their journal entry, tracked without a lock on the request path: every request
/// takes and frees one, while a journal query (rare, from tests) scans them. A request claims a free slot with one
/// compare-and-swap; only when every slot is taken does it fall back to a concurrent dictionary, whose striped locks
/// contended under load when it held every request.
/// </summary>
internal sealed class InFlightRequests
{
    // Far more than the requests a test host serves at once; beyond it the overflow keeps the tracking exact.
    private const int SlotCount = 1024;

    private readonly RequestJournal.InFlightRequest?[] _slots = new RequestJournal.InFlightRequest?[SlotCount];
    private readonly ConcurrentDictionary<RequestJournal.InFlightRequest, byte> _overflow = new();
    private int _next;

    /// <summary>Tracks <paramref name="request"/> until <see cref="Remove"/>; returns its slot, or -1 when it overflowed.</summary>
    public int Add(RequestJournal.InFlightRequest request)
    {
        var start = Interlocked.Increment(ref _next);
        for (var probe = 0; probe < SlotCount; probe++)
        {
            var slot = (start + probe) & (SlotCount - 1);
            if (Volatile.Read(ref _slots[slot]) is null && Interlocked.CompareExchange(ref _slots[slot], request, null) is null) return slot;
        }
        _overflow.TryAdd(request, 0);
        return -1;
    }

    /// <summary>Stops tracking the request <see cref="Add"/> placed in <paramref name="slot"/>.</summary>
    public void Remove(RequestJournal.InFlightRequest request, int slot)
    {
        // Only the request that claimed a slot clears it, so a plain write cannot free another request's slot.
        if (slot >= 0) Volatile.Write(ref _slots[slot], null);
        else _overflow.TryRemove(request, out _);
    }

    /// <summary>The requests tracked at the moment of the call (each seen at most once).</summary>
    public List<RequestJournal.InFlightRequest> Snapshot()
    {
        var requests = new List<RequestJournal.InFlightRequest>();
        for (var slot = 0; slot < SlotCount; slot++)
        {
            if (Volatile.Read(ref _slots[slot]) is { } request) requests.Add(request);
        }
        requests.AddRange(_overflow.Keys);
        return requests;
    }
}
