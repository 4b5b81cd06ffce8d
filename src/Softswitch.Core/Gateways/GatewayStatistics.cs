using System.Collections.Concurrent;
using Softswitch.Core.Routing;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Live statistics of every mapping gateway (calls in) and routing gateway (calls out), in memory: current calls,
/// calls carried, and over a sliding window and since start the attempts, answers, asr, acd, pdd, response and
/// connection ratios (docs/gateway-statistics.md). The SIP layer feeds it through one
/// <see cref="GatewayCallTicket"/> per attempt; routing reads it as <see cref="IGatewayLoad"/> and
/// <see cref="IGatewayQuality"/> (routing gateways, by row id); GetGateway*Online (001_… §3.15, §3.20) and the
/// ASR/ACD alarms read <see cref="Snapshot"/>. Thread-safe; an event takes a dictionary lookup (no allocation once the
/// gateway has been seen) and, when an attempt concludes, a per-gateway lock for a few additions.
/// </summary>
public sealed class GatewayStatistics : IGatewayLoad, IGatewayQuality
{
    private readonly ConcurrentDictionary<GatewayKey, GatewayCounters> _gateways = new();
    private readonly long _sliceLength;

    public GatewayStatistics(GatewayStatisticsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Time = time;
        _sliceLength = Math.Max(1, (long)(options.Window.TotalSeconds * time.TimestampFrequency / GatewayCounters.Slices));
    }

    internal TimeProvider Time { get; }

    /// <summary>
    /// An attempt begins: a call came in from mapping gateway <paramref name="gatewayId"/>, or an INVITE is about to
    /// go to routing gateway <paramref name="gatewayId"/>. It takes a line (current calls + 1) until the ticket's
    /// <see cref="GatewayCallTicket.Failed"/> or <see cref="GatewayCallTicket.Ended"/>.
    /// </summary>
    public GatewayCallTicket Start(GatewayKind kind, long gatewayId, string gatewayName)
    {
        ArgumentNullException.ThrowIfNull(gatewayName);
        var counters = _gateways.GetOrAdd(new GatewayKey(kind, gatewayId), static (key, name) => new GatewayCounters(key, name), gatewayName);
        if (counters.Name != gatewayName)
        {
            counters.Name = gatewayName;
        }
        counters.Started(Time.GetUtcNow());
        return new GatewayCallTicket(this, counters, Time.GetTimestamp());
    }

    /// <summary>The gateway's statistics now; null when it has carried nothing since start (or was forgotten).</summary>
    public GatewayStatisticsSnapshot? Snapshot(GatewayKind kind, long gatewayId) =>
        _gateways.TryGetValue(new GatewayKey(kind, gatewayId), out var counters) ? SnapshotOf(counters) : null;

    /// <summary>Every gateway of <paramref name="kind"/> that carried something since start, in no particular order.</summary>
    public IReadOnlyList<GatewayStatisticsSnapshot> Snapshots(GatewayKind kind) =>
        _gateways.Values.Where(c => c.Key.Kind == kind).Select(SnapshotOf).ToArray();

    /// <summary>Drops a gateway's counters (it was deleted); false when there were none or it still has calls up.</summary>
    public bool Forget(GatewayKind kind, long gatewayId)
    {
        var key = new GatewayKey(kind, gatewayId);
        return _gateways.TryGetValue(key, out var counters) && counters.Current == 0
            && _gateways.TryRemove(new KeyValuePair<GatewayKey, GatewayCounters>(key, counters));
    }

    /// <summary>Routing gateway load for ordering candidates (vos-routing §2): lock-free.</summary>
    GatewayLoad IGatewayLoad.Read(long gatewayId) =>
        _gateways.TryGetValue(new GatewayKey(GatewayKind.Routing, gatewayId), out var c)
            ? new GatewayLoad(c.Current, c.Carried)
            : default;

    /// <summary>Routing gateway quality for route policy 1: attempts and answers within the sliding window.</summary>
    GatewayQuality IGatewayQuality.Read(long gatewayId)
    {
        if (!_gateways.TryGetValue(new GatewayKey(GatewayKind.Routing, gatewayId), out var c))
        {
            return default;
        }
        var window = c.Window(Epoch());
        return new GatewayQuality(window.Attempts, window.Answered);
    }

    internal void Record(GatewayCounters counters, in GatewayTraffic delta) => counters.Add(delta, Epoch(), Time.GetUtcNow());

    private GatewayStatisticsSnapshot SnapshotOf(GatewayCounters c) =>
        new(c.Key.Kind, c.Key.Id, c.Name, c.Current, c.Carried, c.LastActivity, c.Window(Epoch()), c.Total());

    private long Epoch() => Time.GetTimestamp() / _sliceLength;
}
