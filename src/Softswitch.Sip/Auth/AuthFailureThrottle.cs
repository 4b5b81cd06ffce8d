using System.Net;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Blocks after repeated authentication failures, so an online password guesser makes no progress: once blocked, its
/// requests are refused before any credential is looked at. Failures count twice: per (source address, user name),
/// limited by <see cref="AuthThrottleOptions.MaxFailures"/>, so one phone with a wrong password (or one guesser
/// aiming at one account) behind a shared NAT blocks only that name from that address; and per source address, a
/// ceiling (<see cref="AuthThrottleOptions.MaxSourceFailures"/>) that stops a guesser trying many names, yet never
/// blocks the names already registered from that address (the caller says which, issue 12 #7).
/// </summary>
/// <remarks>
/// The registrar calls <see cref="IsBlocked(IPAddress, string)"/> and <see cref="IsBlocked(IPAddress)"/> first, and after verification either
/// <see cref="RecordFailure(IPAddress, string?)"/> (when <see cref="DigestVerification.CountsAsFailure"/>) or
/// <see cref="RecordSuccess(IPAddress, string)"/>. The string-keyed members (one key, limited by
/// <see cref="AuthThrottleOptions.MaxFailures"/>) remain for callers without user names. Time comes from the injected <see cref="TimeProvider"/>; there is
/// no timer: expired entries are swept as failures arrive or when <see cref="Sweep"/> is called from the
/// server heartbeat. Memory is capped by <see cref="AuthThrottleOptions.MaxEntries"/>: when full, expired
/// entries go first, then the counting (not blocked) sources with the fewest failures; blocked sources are
/// kept, and if even those fill the table a new source is not tracked (better than evicting a blocked guesser).
/// </remarks>
public sealed class AuthFailureThrottle
{
    private const int SweepEvery = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly AuthThrottleOptions _options;
    private readonly TimeProvider _time;
    private int _failuresSinceSweep;

    public AuthFailureThrottle(AuthThrottleOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        string? problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        _options = options;
        _time = timeProvider;
    }

    /// <summary>Sources currently tracked (counting or blocked).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool IsBlocked(IPAddress source) => IsBlocked(Key(source));

    /// <summary>
    /// True while <paramref name="user"/> is blocked at <paramref name="source"/> (the per-user count); whether the
    /// source as a whole is blocked is <see cref="IsBlocked(IPAddress)"/>, which the caller waives for names
    /// registered from that source.
    /// </summary>
    /// <param name="user">The digest user name, or the request's own user (To of a REGISTER, From of an INVITE) when it
    /// carries no credentials.</param>
    public bool IsBlocked(IPAddress source, string user) => IsBlocked(PairKey(Key(source), user));

    /// <summary>
    /// Counts one failed attempt of <paramref name="user"/> from <paramref name="source"/> toward both limits;
    /// returns true when either the pair or the source is (now) blocked.
    /// </summary>
    public bool RecordFailure(IPAddress source, string? user)
    {
        string key = Key(source);
        bool sourceBlocked = RecordFailure(key, _options.MaxSourceFailures);
        return (user is not null && RecordFailure(PairKey(key, user), _options.MaxFailures)) || sourceBlocked;
    }

    /// <summary>
    /// Forgets the failures and past blocks of <paramref name="user"/> at <paramref name="source"/>. The source's count
    /// stays: one valid account behind an address must not wipe a guesser's count there.
    /// </summary>
    public void RecordSuccess(IPAddress source, string user) => RecordSuccess(PairKey(Key(source), user));

    /// <summary>True while <paramref name="source"/> is blocked: refuse the request without checking credentials.</summary>
    public bool IsBlocked(string source)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return _entries.TryGetValue(source, out var entry) && now < entry.BlockedUntil;
        }
    }

    public bool RecordFailure(IPAddress source) => RecordFailure(Key(source));

    /// <summary>Counts one failed attempt; returns true when the source is (now) blocked.</summary>
    public bool RecordFailure(string source) => RecordFailure(source, _options.MaxFailures);

    private bool RecordFailure(string source, int limit)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(source, out var entry))
            {
                if (++_failuresSinceSweep >= SweepEvery || _entries.Count >= _options.MaxEntries)
                {
                    SweepLocked(now, evictCounting: _entries.Count >= _options.MaxEntries);
                }
                if (_entries.Count >= _options.MaxEntries)
                {
                    return false;
                }
                entry = new Entry { WindowStart = now };
                _entries[source] = entry;
            }

            if (now < entry.BlockedUntil)
            {
                return true;
            }
            if (entry.Failures == 0 || now - entry.WindowStart >= _options.Window)
            {
                entry.Failures = 0;
                entry.WindowStart = now;
            }
            entry.Failures++;
            entry.LastFailure = now;
            if (entry.Failures < limit)
            {
                return false;
            }

            entry.Strikes++;
            entry.LastBlock = BlockDuration(entry.Strikes);
            entry.BlockedUntil = now + entry.LastBlock;
            entry.Failures = 0;
            return true;
        }
    }

    public void RecordSuccess(IPAddress source) => RecordSuccess(Key(source));

    /// <summary>A successful authentication forgets the source's failures and past blocks.</summary>
    public void RecordSuccess(string source)
    {
        lock (_lock)
        {
            _entries.Remove(source);
        }
    }

    /// <summary>Drops entries that no longer matter; returns how many were removed. Call from the heartbeat.</summary>
    public int Sweep()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return SweepLocked(now, evictCounting: false);
        }
    }

    private int SweepLocked(DateTimeOffset now, bool evictCounting)
    {
        _failuresSinceSweep = 0;
        int before = _entries.Count;
        foreach (var (source, entry) in _entries)
        {
            if (now < entry.BlockedUntil)
            {
                continue;
            }
            // A source that was blocked is remembered for as long as its last block lasted, so a guesser
            // resuming right after the block meets a longer one; otherwise only for the counting window.
            bool expired = entry.Strikes == 0
                ? now - entry.LastFailure >= _options.Window
                : now - entry.BlockedUntil >= entry.LastBlock;
            if (expired)
            {
                _entries.Remove(source);
            }
        }
        if (evictCounting && _entries.Count >= _options.MaxEntries)
        {
            EvictLeastSuspicious(now);
        }
        return before - _entries.Count;
    }

    /// <summary>
    /// Drops the counting (not blocked) half with the fewest failures. A flood of spoofed one-shot sources
    /// is what fills the table, so those go first, while a real guesser close to its limit is kept: the
    /// flood cannot be used to wipe the guesser's count. Removing half keeps the cost amortised.
    /// </summary>
    private void EvictLeastSuspicious(DateTimeOffset now)
    {
        var counts = new List<int>(_entries.Count);
        foreach (var entry in _entries.Values)
        {
            if (now >= entry.BlockedUntil)
            {
                counts.Add(entry.Failures);
            }
        }
        if (counts.Count == 0)
        {
            return;
        }
        counts.Sort();
        int cutoff = counts[counts.Count / 2];
        foreach (var (source, entry) in _entries)
        {
            if (now >= entry.BlockedUntil && entry.Failures <= cutoff)
            {
                _entries.Remove(source);
            }
        }
    }

    private TimeSpan BlockDuration(int strikes)
    {
        double ticks = _options.BlockDuration.Ticks * Math.Pow(_options.BackoffFactor, strikes - 1);
        return ticks >= _options.MaxBlockDuration.Ticks ? _options.MaxBlockDuration : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>A user name at a source; the newline cannot occur in a SIP header value, so keys never collide.</summary>
    private static string PairKey(string source, string user) => source + "\n" + user;

    /// <summary>IPv4-mapped IPv6 (dual-stack sockets) is keyed as plain IPv4 so both forms share one count.</summary>
    private static string Key(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset WindowStart;
        public DateTimeOffset LastFailure;
        public DateTimeOffset BlockedUntil;
        public TimeSpan LastBlock;
        public int Strikes;
    }
}
