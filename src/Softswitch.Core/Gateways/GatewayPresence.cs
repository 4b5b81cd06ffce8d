using Softswitch.Core.Registrations;

namespace Softswitch.Core.Gateways;

/// <summary>
/// Which gateways are online, in memory (like RegistrationTable for phones): soft state the SIP engine feeds and
/// GetGatewayMappingOnline / GetGatewayRoutingOnline (001_… §3.15, §3.20) report. A mapping gateway is online when
/// it has registered or, for a static one, when traffic from its address was seen recently; a routing gateway when
/// it registered, we registered to it, or it answered. Every entry carries its own expiry, so the engine decides the
/// windows (registration Expires, traffic idle time) and nothing here runs a timer. Entries of gateways that
/// registered to the switch carry their <see cref="GatewayBinding"/> and are also indexed by source address
/// (<see cref="FindBySource"/>); those registrations are also told to the attached
/// <see cref="IRegistrationJournal"/> and restored from the store at start (<see cref="Restore"/>). Thread-safe.
/// </summary>
public sealed class GatewayPresence
{
    private readonly Dictionary<(GatewayKind, string), GatewayPresenceEntry> _entries = [];
    private readonly Dictionary<(GatewayKind, string Ip, int Port), string> _bySource = [];
    private readonly Lock _lock = new();
    private IRegistrationJournal? _journal;

    /// <summary>A gateway came online (first entry) or went offline (removed or lapsed), for pushes and metrics.</summary>
    public event Action<GatewayPresenceEntry, bool>? PresenceChanged;

    /// <summary>From now on every registration (an entry with a binding) that starts or ends is told to <paramref name="journal"/>.</summary>
    public void AttachJournal(IRegistrationJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        lock (_lock)
        {
            _journal = journal;
        }
    }

    /// <summary>
    /// Puts registrations read back from the store into the table at start: only entries with a binding that are
    /// live at <paramref name="now"/>, without telling the journal or raising presence events. Returns how many.
    /// </summary>
    public int Restore(IEnumerable<GatewayPresenceEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int restored = 0;
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                if (entry.Binding is not { } binding || entry.ExpiresAt <= now || _entries.ContainsKey((entry.Kind, entry.Name)))
                {
                    continue;
                }
                _entries[(entry.Kind, entry.Name)] = entry;
                _bySource[(entry.Kind, binding.SourceIp, binding.SourcePort)] = entry.Name;
                restored++;
            }
        }
        return restored;
    }

    /// <summary>Adds or refreshes a gateway's entry (a REGISTER accepted, traffic seen, an OPTIONS answered).</summary>
    public void Upsert(GatewayPresenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        bool cameOnline;
        lock (_lock)
        {
            var key = (entry.Kind, entry.Name);
            cameOnline = !_entries.TryGetValue(key, out var previous) || previous.ExpiresAt <= entry.UpdatedAt;
            if (previous is not null)
            {
                Unindex(previous);
            }
            _entries[key] = entry;
            Journal(previous, entry);
            if (entry.Binding is { } binding)
            {
                // Two registrations from one address: the latest names the source (a PBX registering two trunks
                // from one socket cannot be told apart by address; its requests then need their digest).
                _bySource[(entry.Kind, binding.SourceIp, binding.SourcePort)] = entry.Name;
            }
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
            if (_entries.Remove((kind, name), out removed))
            {
                Unindex(removed);
                Journal(removed, null);
            }
        }
        if (removed is not null)
        {
            PresenceChanged?.Invoke(removed, false);
        }
        return removed is not null;
    }

    /// <summary>
    /// Drops a gateway's entry only when it is a registration to the switch (it has a <see cref="GatewayBinding"/>):
    /// an un-REGISTER, or an API change that voids the registration, must not remove what another part of the engine
    /// recorded (the switch's own registration to a carrier, traffic seen). False when there was no such entry.
    /// </summary>
    public bool RemoveBinding(GatewayKind kind, string name)
    {
        GatewayPresenceEntry? removed = null;
        lock (_lock)
        {
            if (_entries.TryGetValue((kind, name), out var entry) && entry.Binding is not null)
            {
                _entries.Remove((kind, name));
                Unindex(entry);
                Journal(entry, null);
                removed = entry;
            }
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

    /// <summary>
    /// The live entry of the <paramref name="kind"/> gateway that registered to the switch from
    /// <paramref name="ip"/>:<paramref name="port"/> (a dynamic mapping gateway's INVITE comes from where it
    /// registered); null when no registered gateway lives there. Static gateways are found by
    /// <see cref="GatewayState.FindMappingBySource"/> instead.
    /// </summary>
    public GatewayPresenceEntry? FindBySource(GatewayKind kind, string ip, int port, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _bySource.TryGetValue((kind, ip, port), out string? name)
                && _entries.TryGetValue((kind, name), out var entry) && entry.ExpiresAt > now
                ? entry
                : null;
        }
    }

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
                Unindex(entry);
                Journal(entry, null);
            }
        }
        foreach (var entry in lapsed)
        {
            PresenceChanged?.Invoke(entry, false);
        }
        return lapsed.Count;
    }

    /// <summary>Tells the journal when a registration starts, is refreshed or ends; caller holds the lock.</summary>
    private void Journal(GatewayPresenceEntry? previous, GatewayPresenceEntry? next)
    {
        if (next?.Binding is not null)
        {
            _journal?.GatewayBound(next);
        }
        else if (previous?.Binding is not null)
        {
            _journal?.GatewayUnbound(previous.Kind, previous.Name);
        }
    }

    /// <summary>
    /// Removes the source index of <paramref name="entry"/> (already out of or about to leave the table) unless
    /// another gateway owns that source since; hands the source back to another gateway still registered from it.
    /// </summary>
    private void Unindex(GatewayPresenceEntry entry)
    {
        if (entry.Binding is not { } binding)
        {
            return;
        }
        var key = (entry.Kind, binding.SourceIp, binding.SourcePort);
        if (!_bySource.TryGetValue(key, out string? owner) || owner != entry.Name)
        {
            return;
        }
        _bySource.Remove(key);
        foreach (var other in _entries.Values)
        {
            if (other.Kind == entry.Kind && other.Name != entry.Name && other.Binding is { } b
                && b.SourceIp == binding.SourceIp && b.SourcePort == binding.SourcePort)
            {
                _bySource[key] = other.Name;
            }
        }
    }
}
