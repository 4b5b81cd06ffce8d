namespace Softswitch.Core.Registrations;

/// <summary>A phone came online (first binding) or went offline (last binding gone), for pushes and metrics.</summary>
public sealed record PhonePresenceChange(string E164, bool Online, DateTimeOffset At);

/// <summary>
/// Live registrations, in memory: e164 -> contact bindings. Memory is the truth at run time; every change is also
/// told to the attached <see cref="IRegistrationJournal"/> (under the lock, so in the order applied), which writes it
/// to the store behind the SIP path, and <see cref="Restore"/> fills the table from the store at start, so phones
/// stay reachable across a restart (docs/architecture.md "Registrations"). All members are thread-safe.
/// </summary>
public sealed class RegistrationTable
{
    private readonly Dictionary<string, List<RegistrationBinding>> _byE164 = new(StringComparer.Ordinal);

    /// <summary>
    /// Each phone's bindings as an immutable array, replaced under the lock after every change: the B2BUA's lookup
    /// on every call set-up reads it without the lock and, when nothing has expired, without allocating.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RegistrationBinding[]> _published = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private IRegistrationJournal? _journal;

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

    /// <summary>From now on every change is also told to <paramref name="journal"/>.</summary>
    public void AttachJournal(IRegistrationJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        lock (_lock)
        {
            _journal = journal;
        }
    }

    /// <summary>
    /// Puts bindings read back from the store into the table at start: only those still live at
    /// <paramref name="now"/>, without telling the journal (they are already stored) and without presence events
    /// (the phones never went offline as far as anyone outside could tell). Returns how many were restored.
    /// </summary>
    public int Restore(IEnumerable<RegistrationBinding> bindings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        int restored = 0;
        lock (_lock)
        {
            foreach (var binding in bindings)
            {
                if (binding.ExpiresAt <= now)
                {
                    continue;
                }
                var list = ListOf(binding.E164);
                int i = list.FindIndex(b => b.ContactUri == binding.ContactUri);
                if (i >= 0)
                {
                    list[i] = binding;
                }
                else
                {
                    list.Add(binding);
                }
                Publish(binding.E164, list);
                restored++;
            }
        }
        return restored;
    }

    /// <summary>Adds or refreshes a binding, matched on the contact URI (RFC 3261 §10.3 step 7).</summary>
    public void Upsert(RegistrationBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        Apply(binding.E164, [], [binding], binding.RegisteredAt);
    }

    /// <summary>
    /// Applies one REGISTER's outcome for <paramref name="e164"/> at once: removes the bindings of the contacts in
    /// <paramref name="remove"/>, then adds or refreshes <paramref name="upsert"/> (matched on the contact URI). Done
    /// under one lock, so concurrent REGISTERs of one phone never interleave (RFC 3261 §10.3: a request is processed
    /// atomically). Presence events fire after the lock is released.
    /// </summary>
    public void Apply(string e164, IReadOnlyCollection<string> remove, IReadOnlyList<RegistrationBinding> upsert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(remove);
        ArgumentNullException.ThrowIfNull(upsert);
        bool wasOnline;
        bool isOnline;
        lock (_lock)
        {
            var list = ListOf(e164);
            wasOnline = list.Count > 0;
            foreach (string contact in remove)
            {
                if (list.RemoveAll(b => b.ContactUri == contact) > 0)
                {
                    _journal?.PhoneUnbound(e164, contact);
                }
            }
            foreach (var binding in upsert)
            {
                int i = list.FindIndex(b => b.ContactUri == binding.ContactUri);
                if (i >= 0)
                {
                    list[i] = binding;
                }
                else
                {
                    list.Add(binding);
                }
                _journal?.PhoneBound(binding);
            }
            isOnline = list.Count > 0;
            if (!isOnline)
            {
                _byE164.Remove(e164);
            }
            Publish(e164, list);
        }
        if (wasOnline != isOnline)
        {
            PresenceChanged?.Invoke(new PhonePresenceChange(e164, isOnline, now));
        }
    }

    /// <summary>Removes one contact; returns false if it was not bound.</summary>
    public bool Remove(string e164, string contactUri, DateTimeOffset now) =>
        RemoveWhere(e164, b => b.ContactUri == contactUri, now) > 0;

    public int RemoveAll(string e164, DateTimeOffset now) => RemoveWhere(e164, _ => true, now);

    /// <summary>The bindings of <paramref name="e164"/> live at <paramref name="now"/>; never an expired one.</summary>
    public IReadOnlyList<RegistrationBinding> Get(string e164, DateTimeOffset now)
    {
        if (!_published.TryGetValue(e164, out var bindings))
        {
            return [];
        }
        foreach (var binding in bindings)
        {
            if (binding.ExpiresAt <= now)
            {
                return Array.FindAll(bindings, b => b.ExpiresAt > now); // the sweep has not dropped it yet
            }
        }
        return bindings;
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
                int dropped = RemoveLocked(e164, list, b => b.ExpiresAt <= now);
                removed += dropped;
                if (list.Count == 0)
                {
                    wentOffline.Add(e164);
                }
                if (dropped > 0)
                {
                    Publish(e164, list);
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
            removed = RemoveLocked(e164, list, match);
            wentOffline = removed > 0 && list.Count == 0;
            if (list.Count == 0)
            {
                _byE164.Remove(e164);
            }
            Publish(e164, list);
        }
        if (wentOffline)
        {
            PresenceChanged?.Invoke(new PhonePresenceChange(e164, false, now));
        }
        return removed;
    }

    /// <summary>Removes the matching bindings of one phone and tells the journal of each; caller holds the lock.</summary>
    private int RemoveLocked(string e164, List<RegistrationBinding> list, Predicate<RegistrationBinding> match)
    {
        int removed = 0;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (match(list[i]))
            {
                _journal?.PhoneUnbound(e164, list[i].ContactUri);
                list.RemoveAt(i);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Makes a phone's current bindings visible to <see cref="Get"/>; caller holds the lock.</summary>
    private void Publish(string e164, List<RegistrationBinding> list)
    {
        if (list.Count == 0)
        {
            _published.TryRemove(e164, out _);
        }
        else
        {
            _published[e164] = [.. list];
        }
    }

    private List<RegistrationBinding> ListOf(string e164)
    {
        if (!_byE164.TryGetValue(e164, out var list))
        {
            list = [];
            _byE164[e164] = list;
        }
        return list;
    }
}
