namespace Softswitch.Core.Gateways;

/// <summary>
/// Which gateways are online, in memory (like RegistrationTable for phones): soft state the SIP engine feeds and
/// GetGatewayMappingOnline / GetGatewayRoutingOnline (001_… §3.15, §3.20) report. A mapping gateway is online when
/// it has registered or, for a static one, when traffic from its address was seen recently; a routing gateway when
/// it registered, we registered to it, or it answered. Every entry carries its own expiry, so the engine decides the
/// windows (registration Expires, traffic idle time) and nothing here runs a timer. Thread-safe.
/// </summary>
public sealed class GatewayPresence
{
    private readonly Dictionary<(GatewayKind, string), GatewayPresenceEntry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>A gateway came online (first entry) or went offline (removed or lapsed), for pushes and metrics.</summary>
    public event Action<GatewayPresenceEntry, bool>? PresenceChanged;

    /// <summary>Adds or refreshes a gateway's entry (a REGISTER accepted, traffic seen, an OPTIONS answered).</summary>
    public void Upsert(GatewayPresenceEntry entry)
    {
        bool cameOnline;
        lock (_lock)
        {
            var key = (entry.Kind, entry.Name);
            cameOnline = !_entries.TryGetValue(key, out var previous) || previous.ExpiresAt <= entry.UpdatedAt;
            _entries[key] = entry;
        }
        if (cameOnline)
        {
            PresenceChanged?.Invoke(entry, true);
        }
    }

    /// <summary>Drops a gateway (unregistered, or deleted through the API); returns false if it was not online.</summary>
    public bool Remove(GatewayKind kind, string name)
    {
        GatewayPresenceEntry? removed;
        lock (_lock)
        {
            _entries.Remove((kind, name), out removed);
        }
        if (removed is not null)
        {
            PresenceChanged?.Invoke(removed, false);
        }
        return removed is not null;
    }

    public GatewayPresenceEntry? Get(GatewayKind kind, string name, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _entries.TryGetValue((kind, name), out var entry) && entry.ExpiresAt > now ? entry : null;
        }
    }

    public bool IsOnline(GatewayKind kind, string name, DateTimeOffset now) => Get(kind, name, now) is not null;

    /// <summary>Every live entry of one kind, ordered by name.</summary>
    public IReadOnlyList<GatewayPresenceEntry> Snapshot(GatewayKind kind, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _entries.Values
                .Where(e => e.Kind == kind && e.ExpiresAt > now)
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>Drops lapsed entries; returns how many were removed.</summary>
    public int Sweep(DateTimeOffset now)
    {
        List<GatewayPresenceEntry> lapsed;
        lock (_lock)
        {
            lapsed = _entries.Values.Where(e => e.ExpiresAt <= now).ToList();
            foreach (var entry in lapsed)
            {
                _entries.Remove((entry.Kind, entry.Name));
            }
        }
        foreach (var entry in lapsed)
        {
            PresenceChanged?.Invoke(entry, false);
        }
        return lapsed.Count;
    }
}
