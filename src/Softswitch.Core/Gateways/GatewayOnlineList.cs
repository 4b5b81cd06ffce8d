namespace Softswitch.Core.Gateways;

/// <summary>
/// Who is online, for GetGatewayMappingOnline / GetGatewayRoutingOnline (001_… §3.15, §3.20): a gateway is online
/// while <see cref="GatewayPresence"/> holds it (registered, registered to, or seen by the engine) or while it
/// carries traffic — a call up on it now, or a call event within <see cref="GatewayStatisticsOptions.OnlineIdle"/>.
/// Each line carries the gateway's live statistics. Optionally only the named gateways and only those of one
/// softswitch (a gateway whose softswitchName is empty belongs to every softswitch, §3.13).
/// </summary>
public sealed class GatewayOnlineList
{
    private readonly GatewayState _gateways;
    private readonly GatewayPresence _presence;
    private readonly GatewayStatistics _statistics;
    private readonly TimeSpan _idle;
    private readonly TimeProvider _time;

    public GatewayOnlineList(GatewayState gateways, GatewayPresence presence, GatewayStatistics statistics,
        GatewayStatisticsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateways = gateways;
        _presence = presence;
        _statistics = statistics;
        _idle = options.OnlineIdle;
        _time = time;
    }

    /// <summary>Online mapping gateways, ordered by name.</summary>
    public IReadOnlyList<GatewayOnline<MappingGateway>> Mapping(IReadOnlyList<string>? names, string? softswitchName) =>
        Collect(GatewayKind.Mapping, names, softswitchName, _gateways.FindMapping, g => g.Id, g => g.SoftswitchName);

    /// <summary>Online routing gateways, ordered by name.</summary>
    public IReadOnlyList<GatewayOnline<RoutingGateway>> Routing(IReadOnlyList<string>? names, string? softswitchName) =>
        Collect(GatewayKind.Routing, names, softswitchName, _gateways.FindRouting, g => g.Id, g => g.SoftswitchName);

    private GatewayOnline<T>[] Collect<T>(GatewayKind kind, IReadOnlyList<string>? names, string? softswitchName,
        Func<string, T?> find, Func<T, long> idOf, Func<T, string> softswitchOf)
        where T : class
    {
        var now = _time.GetUtcNow();
        var present = _presence.Snapshot(kind, now).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var carrying = _statistics.Snapshots(kind)
            .Where(s => s.CurrentCalls > 0 || s.LastActivity > now - _idle)
            .ToDictionary(s => s.Id);
        var candidates = present.Keys.Concat(carrying.Values.Select(s => s.Name)).Distinct(StringComparer.Ordinal);
        var wanted = names?.ToHashSet(StringComparer.Ordinal);
        var online = new List<(string Name, GatewayOnline<T> Line)>();
        foreach (string name in candidates)
        {
            if (wanted?.Contains(name) == false || find(name) is not { } gateway)
            {
                continue;
            }
            string softswitch = softswitchOf(gateway);
            if (softswitchName is not null && softswitch.Length != 0 && softswitch != softswitchName)
            {
                continue;
            }
            long id = idOf(gateway);
            var presence = present.GetValueOrDefault(name);
            // Statistics are kept by id: traffic of a deleted gateway whose name was reused is not this gateway's.
            if (presence is null && !carrying.ContainsKey(id))
            {
                continue;
            }
            var statistics = _statistics.Snapshot(kind, id) ?? GatewayStatisticsSnapshot.None(kind, id, name);
            online.Add((name, new GatewayOnline<T>(gateway, presence, statistics)));
        }
        return [.. online.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => o.Line)];
    }
}
