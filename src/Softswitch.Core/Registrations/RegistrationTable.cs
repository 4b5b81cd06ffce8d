namespace Softswitch.Core.Registrations;

/// <summary>A phone came online (first binding) or went offline (last binding gone), for pushes and metrics.</summary>
public sealed record PhonePresenceChange(string E164, bool Online, DateTimeOffset At);

/// <summary>
/// Live registrations, in memory: e164 -> contact bindings. Registrations are soft state (they expire and are
/// refreshed by the phones), so they are not written to the store. All members are thread-safe.
/// </summary>
public sealed class RegistrationTable
{
    private readonly Dictionary<string, List<RegistrationBinding>> _byE164 = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public event Action<PhonePresenceChange>? PresenceChanged;

    public int PhoneCount
    {
        get
        {
            lock (_lock)
            {
                return _byE164.Count;
            }
        }
    }

    /// <summary>Adds or refreshes a binding, matched on the contact URI (RFC 3261 §10.3 step 7).</summary>
    public void Upsert(RegistrationBinding binding)
    {
        bool cameOnline;
        lock (_lock)
        {
            if (!_byE164.TryGetValue(binding.E164, out var list))
            {
                list = [];
                _byE164[binding.E164] = list;
            }
            cameOnline = list.Count == 0;
            int i = list.FindIndex(b => b.ContactUri == binding.ContactUri);
            if (i >= 0)
            {
                list[i] = binding;
            }
            else
            {
                list.Add(binding);
            }
        }
        if (cameOnline)
        {
            PresenceChanged?.Invoke(new PhonePresenceChange(binding.E164, true, binding.RegisteredAt));
        }
    }

    /// <summary>Removes one contact; returns false if it was not bound.</summary>
    public bool Remove(string e164, string contactUri, DateTimeOffset now) =>
        RemoveWhere(e164, b => b.ContactUri == contactUri, now) > 0;

    public int RemoveAll(string e164, DateTimeOffset now) => RemoveWhere(e164, _ => true, now);

    public IReadOnlyList<RegistrationBinding> Get(string e164, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _byE164.TryGetValue(e164, out var list)
                ? list.Where(b => b.ExpiresAt > now).ToArray()
                : [];
        }
    }

    public bool IsOnline(string e164, DateTimeOffset now) => Get(e164, now).Count > 0;

    /// <summary>Every phone with at least one live binding.</summary>
    public IReadOnlyList<(string E164, IReadOnlyList<RegistrationBinding> Bindings)> Snapshot(DateTimeOffset now)
    {
        lock (_lock)
        {
            var result = new List<(string, IReadOnlyList<RegistrationBinding>)>(_byE164.Count);
            foreach (var (e164, list) in _byE164)
            {
                var live = list.Where(b => b.ExpiresAt > now).ToArray();
                if (live.Length > 0)
                {
                    result.Add((e164, live));
                }
            }
            return result;
        }
    }

    /// <summary>Drops expired bindings; returns how many were removed.</summary>
    public int Sweep(DateTimeOffset now)
    {
        List<string> wentOffline = [];
        int removed = 0;
        lock (_lock)
        {
            foreach (var (e164, list) in _byE164)
            {
                removed += list.RemoveAll(b => b.ExpiresAt <= now);
                if (list.Count == 0)
                {
                    wentOffline.Add(e164);
                }
            }
            foreach (string e164 in wentOffline)
            {
                _byE164.Remove(e164);
            }
        }
        foreach (string e164 in wentOffline)
        {
            PresenceChanged?.Invoke(new PhonePresenceChange(e164, false, now));
        }
        return removed;
    }

    private int RemoveWhere(string e164, Predicate<RegistrationBinding> match, DateTimeOffset now)
    {
        int removed;
        bool wentOffline;
        lock (_lock)
        {
            if (!_byE164.TryGetValue(e164, out var list))
            {
                return 0;
            }
            removed = list.RemoveAll(match);
            wentOffline = removed > 0 && list.Count == 0;
            if (list.Count == 0)
            {
                _byE164.Remove(e164);
            }
        }
        if (wentOffline)
        {
            PresenceChanged?.Invoke(new PhonePresenceChange(e164, false, now));
        }
        return removed;
    }
}
