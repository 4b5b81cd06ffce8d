using System.Collections.Concurrent;

namespace Softswitch.Core.Routing;

/// <summary>
/// <see cref="IGatewayLoad"/> kept in process memory, keyed by gateway row id (so counters survive the rebuilds of
/// <see cref="RoutingIndex"/>; a deleted and re-created gateway has a new id and starts from zero). Lock-free:
/// reads are a dictionary lookup and two volatile reads; updates are interlocked.
/// </summary>
public sealed class InMemoryGatewayLoad : IGatewayLoad
{
    private readonly ConcurrentDictionary<long, Counters> _counters = new();

    public GatewayLoad Read(long gatewayId) =>
        _counters.TryGetValue(gatewayId, out var c)
            ? new GatewayLoad(Volatile.Read(ref c.Current), Volatile.Read(ref c.Carried))
            : default;

    /// <summary>A call took a line of the gateway: one more current call, one more carried.</summary>
    public void CallStarted(long gatewayId)
    {
        var c = _counters.GetOrAdd(gatewayId, static _ => new Counters());
        Interlocked.Increment(ref c.Current);
        Interlocked.Increment(ref c.Carried);
    }

    /// <summary>A call on the gateway ended; the current count never goes below zero.</summary>
    public void CallEnded(long gatewayId)
    {
        if (!_counters.TryGetValue(gatewayId, out var c))
        {
            return;
        }
        int seen = Volatile.Read(ref c.Current);
        while (seen > 0)
        {
            int previous = Interlocked.CompareExchange(ref c.Current, seen - 1, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }

    private sealed class Counters
    {
        public int Current;
        public long Carried;
    }
}
