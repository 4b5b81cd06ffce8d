using System.Collections.Frozen;
using System.Net;
using Softswitch.Core.Routing;
using Softswitch.Core.Store;

namespace Softswitch.Core.Gateways;

/// <summary>
/// The in-memory gateway tables and the lookups the SIP engine routes with (docs/architecture.md: "in-memory state is
/// the truth"). Reads are lock-free over immutable snapshots; writes (rare, management only) happen inside the shared
/// write gate of <see cref="Management.DirectoryState"/> and rebuild the indexes, so a reader never sees a half-applied
/// change.
/// </summary>
public sealed class GatewayState : IDisposable
{
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private int _loaded;

    public GatewayState(IGatewayStore store)
    {
        Store = store;
    }

    public IGatewayStore Store { get; }

    public bool IsLoaded => Volatile.Read(ref _loaded) == 1;

    public IReadOnlyCollection<MappingGateway> MappingGateways => _snapshot.Mappings.Values;

    public IReadOnlyCollection<RoutingGateway> RoutingGateways => _snapshot.Routings.Values;

    /// <summary>Fills memory from the store once; later calls do nothing.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (IsLoaded)
        {
            return;
        }
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (IsLoaded)
            {
                return;
            }
            var mappings = await Store.LoadMappingGatewaysAsync(cancellationToken);
            var routings = await Store.LoadRoutingGatewaysAsync(cancellationToken);
            _snapshot = Snapshot.Build(mappings.ToDictionary(g => g.Name, StringComparer.Ordinal),
                routings.ToDictionary(g => g.Name, StringComparer.Ordinal));
            Volatile.Write(ref _loaded, 1);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    public MappingGateway? FindMapping(string name) => _snapshot.Mappings.GetValueOrDefault(name);

    public RoutingGateway? FindRouting(string name) => _snapshot.Routings.GetValueOrDefault(name);

    /// <summary>
    /// The mapping gateway a request from <paramref name="ip"/>:<paramref name="port"/> belongs to, by its remoteIps
    /// (001_… §3.11): an "ip:port" entry matches that port only, a bare ip any port (sipAuthenticationMethod 1 and 0).
    /// The engine uses it to identify static inbound trunks; dynamic ones are found by name when they register.
    /// </summary>
    public MappingGateway? FindMappingBySource(string ip, int port)
    {
        var byAddress = _snapshot.MappingsByAddress;
        return byAddress.GetValueOrDefault($"{ip}:{port}") ?? byAddress.GetValueOrDefault(ip);
    }

    /// <summary>
    /// Whether <paramref name="address"/> is a trunk's: listed in a mapping gateway's remoteIps (with or without a
    /// port) or a routing gateway's remoteIp (an IP literal; host names are not resolved). The SIP layer's limit on
    /// unauthenticated requests trusts these peers (docs/hardening.md). Lock-free over the current snapshot, so a
    /// management write is followed on the next request; an IPv4-mapped IPv6 address matches its IPv4 form.
    /// </summary>
    public bool IsKnownTrunkAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var set = _snapshot.TrunkAddresses;
        return set.Count > 0 && set.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>
    /// The prefix trie over every routing gateway (vos-routing §2), rebuilt with each routing-gateway write and swapped
    /// in with the rest of the snapshot, so the next call sees the change and no call waits for it. Read it once per
    /// call and use that instance throughout.
    /// </summary>
    public RoutingIndex RoutingIndex => _snapshot.RoutingIndex;

    /// <summary>Every limit-number group name a gateway refers to, for the group deletion check.</summary>
    public IEnumerable<(string Gateway, string Group)> LimitE164GroupReferences()
    {
        var snapshot = _snapshot;
        foreach (var g in snapshot.Mappings.Values.Concat<Gateway>(snapshot.Routings.Values))
        {
            // A routing gateway's caller-number pool is a limit-number group too (rewriteRulesInCallerUseE164Group).
            string pool = (g as RoutingGateway)?.RewriteRulesInCallerUseE164Group ?? "";
            foreach (string group in GatewayLists.Split(g.CallerLimitE164Groups)
                         .Concat(GatewayLists.Split(g.CalleeLimitE164Groups))
                         .Concat(GatewayLists.Split(pool)))
            {
                yield return (g.Name, group);
            }
        }
    }

    /// <summary>Call only inside the write gate, after the store accepted the write.</summary>
    internal void PutMapping(MappingGateway gateway) =>
        _snapshot = Snapshot.Build(With(_snapshot.Mappings, gateway.Name, gateway), _snapshot.Routings, _snapshot.RoutingIndex);

    internal void RemoveMapping(string name) =>
        _snapshot = Snapshot.Build(Without(_snapshot.Mappings, name), _snapshot.Routings, _snapshot.RoutingIndex);

    internal void PutRouting(RoutingGateway gateway) =>
        _snapshot = Snapshot.Build(_snapshot.Mappings, With(_snapshot.Routings, gateway.Name, gateway));

    internal void RemoveRouting(string name) =>
        _snapshot = Snapshot.Build(_snapshot.Mappings, Without(_snapshot.Routings, name));

    public void Dispose() => _loadGate.Dispose();

    private static Dictionary<string, T> With<T>(IReadOnlyDictionary<string, T> source, string key, T value) =>
        new(source, StringComparer.Ordinal) { [key] = value };

    private static Dictionary<string, T> Without<T>(IReadOnlyDictionary<string, T> source, string key)
    {
        var copy = new Dictionary<string, T>(source, StringComparer.Ordinal);
        copy.Remove(key);
        return copy;
    }

    private sealed record Snapshot(
        FrozenDictionary<string, MappingGateway> Mappings,
        FrozenDictionary<string, RoutingGateway> Routings,
        FrozenDictionary<string, MappingGateway> MappingsByAddress,
        FrozenSet<IPAddress> TrunkAddresses,
        RoutingIndex RoutingIndex)
    {
        public static readonly Snapshot Empty = Build(new Dictionary<string, MappingGateway>(), new Dictionary<string, RoutingGateway>());

        /// <summary>Builds the indexes; <paramref name="routingIndex"/> is reused when the routing gateways did not change.</summary>
        public static Snapshot Build(IReadOnlyDictionary<string, MappingGateway> mappings,
            IReadOnlyDictionary<string, RoutingGateway> routings, RoutingIndex? routingIndex = null)
        {
            var byAddress = new Dictionary<string, MappingGateway>(StringComparer.OrdinalIgnoreCase);
            var trunks = new HashSet<IPAddress>();
            foreach (var gateway in mappings.Values.OrderBy(g => g.Id))
            {
                foreach (string address in GatewayLists.Split(gateway.RemoteIps))
                {
                    byAddress.TryAdd(address, gateway);
                    AddTrunk(trunks, address);
                }
            }
            foreach (var gateway in routings.Values)
            {
                AddTrunk(trunks, gateway.RemoteIp);
            }
            return new(mappings.ToFrozenDictionary(StringComparer.Ordinal),
                routings.ToFrozenDictionary(StringComparer.Ordinal),
                byAddress.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
                trunks.ToFrozenSet(),
                routingIndex ?? RoutingIndex.Build(routings.Values));
        }

        /// <summary>The address of an "ip", "ip:port" or "[ipv6]:port" entry, with any ";transport=…" dropped; host names are skipped.</summary>
        private static void AddTrunk(HashSet<IPAddress> trunks, string entry)
        {
            var text = entry.AsSpan();
            if (text.IndexOf(';') is >= 0 and int semicolon)
            {
                text = text[..semicolon];
            }
            text = text.Trim();
            if (IPAddress.TryParse(text, out var address) || IPEndPoint.TryParse(text, out var endPoint) && (address = endPoint.Address) is not null)
            {
                trunks.Add(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
            }
        }
    }
}
