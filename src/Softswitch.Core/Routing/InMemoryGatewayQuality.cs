using System.Collections.Concurrent;

namespace Softswitch.Core.Routing;

/// <summary>
/// <see cref="IGatewayQuality"/> in process memory, keyed by gateway row id: cumulative attempts and answers since
/// start (a statistics service with sliding windows can replace it behind the interface). Lock-free.
/// </summary>
public sealed class InMemoryGatewayQuality : IGatewayQuality
{
    private readonly ConcurrentDictionary<long, Counters> _counters = new();

    public GatewayQuality Read(long gatewayId) =>
        _counters.TryGetValue(gatewayId, out var c)
            ? new GatewayQuality(Volatile.Read(ref c.Attempts), Volatile.Read(ref c.Answered))
            : default;

    /// <summary>An attempt to the gateway ended; <paramref name="answered"/> when it was answered.</summary>
    public void Record(long gatewayId, bool answered)
    {
        var c = _counters.GetOrAdd(gatewayId, static _ => new Counters());
        Interlocked.Increment(ref c.Attempts);
        if (answered)
        {
            Interlocked.Increment(ref c.Answered);
        }
    }

    private sealed class Counters
    {
        public long Attempts;
        public long Answered;
    }
}
