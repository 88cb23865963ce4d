using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// The GET requests through Object Lambda access points that wait for their function's WriteGetObjectResponse, by
/// output route. A route and its token are random, compared in constant time, and claimed once: a second
/// WriteGetObjectResponse, a guessed token or one for a request that has ended finds nothing.
/// </summary>
internal sealed class OutputRoutes
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ConcurrentDictionary<string, PendingGetResponse> _pending = new(StringComparer.Ordinal);

    /// <summary>Registers a caller waiting for its answer; the route fits the SDK's check (alphanumerics and dashes, ≤ 63).</summary>
    public PendingGetResponse Open(ServiceExchange caller, string olapAccountId, string olapArn)
    {
        while (true)
        {
            var route = "io-emu-" + RandomNumberGenerator.GetString(Alphabet, 24);
            var pending = new PendingGetResponse(route, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), caller, olapAccountId, olapArn);
            if (_pending.TryAdd(route, pending)) return pending;
        }
    }

    /// <summary>The pending request the route and token name, without claiming it; null when none matches.</summary>
    public PendingGetResponse? Find(string route, string token) =>
        _pending.TryGetValue(route, out var pending) && TokenMatches(pending.Token, token) ? pending : null;

    /// <summary>Takes <paramref name="pending"/> for one WriteGetObjectResponse; false when another took it or it was closed.</summary>
    public bool TryClaim(PendingGetResponse pending)
    {
        if (!_pending.TryRemove(KeyValuePair.Create(pending.Route, pending))) return false;
        pending.MarkClaimed();
        return true;
    }

    /// <summary>Withdraws the route because its function ended first; false when a WriteGetObjectResponse claimed it.</summary>
    public bool TryClose(PendingGetResponse pending) => _pending.TryRemove(KeyValuePair.Create(pending.Route, pending));

    private static bool TokenMatches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}

/// <summary>A GET through an Object Lambda access point that waits for its WriteGetObjectResponse.</summary>
internal sealed class PendingGetResponse(string route, string token, ServiceExchange caller, string olapAccountId, string olapArn)
{
    private readonly TaskCompletionSource _claimed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Route { get; } = route;
    public string Token { get; } = token;

    /// <summary>The waiting request, whose response the WriteGetObjectResponse writes.</summary>
    public ServiceExchange Caller { get; } = caller;

    /// <summary>The Object Lambda access point's account: WriteGetObjectResponse must come from an identity of it.</summary>
    public string AccountId { get; } = olapAccountId;

    /// <summary>The Object Lambda access point's ARN, the resource WriteGetObjectResponse is authorized on.</summary>
    public string AccessPointArn { get; } = olapArn;

    /// <summary>Completes when a WriteGetObjectResponse has claimed the route: the caller's answer is on its way.</summary>
    public Task Claimed => _claimed.Task;

    /// <summary>The status the WriteGetObjectResponse forwarded, once it has been claimed.</summary>
    public int? ForwardedStatus { get; set; }

    /// <summary>Completes when the answer has been written to the caller, or faults when writing it failed.</summary>
    public Task Delivered => _delivered.Task;

    public void MarkClaimed() => _claimed.TrySetResult();

    public void MarkDelivered() => _delivered.TrySetResult();

    public void MarkFailed(Exception failure) => _delivered.TrySetException(failure);
}
