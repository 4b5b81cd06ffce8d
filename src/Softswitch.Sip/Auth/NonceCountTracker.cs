namespace Softswitch.Sip.Auth;

/// <summary>
/// Remembers the highest nonce-count accepted per nonce, so a captured request cannot be replayed
/// (RFC 7616 §3.4: the server "can detect request replays by maintaining its own copy of this count").
/// </summary>
/// <remarks>
/// Bounded: entries only matter while their nonce is within its lifetime, and only authenticated requests
/// add entries. When the cap is reached, expired entries go first; if that is not enough, the oldest half
/// is dropped and a watermark remembers the newest issue time dropped. A nonce issued at or before the
/// watermark that is no longer tracked answers <see cref="NonceCountOutcome.Forgotten"/> (stale), never
/// "accepted", so eviction can never reopen a replay window; the client just fetches a newer nonce.
/// </remarks>
internal sealed class NonceCountTracker
{
    private const int SweepEvery = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private long _watermarkMs = long.MinValue;
    private int _insertsSinceSweep;

    public NonceCountTracker(int capacity) => _capacity = capacity;

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

    public NonceCountOutcome TryAdvance(string nonce, long issuedAtMs, uint nc, long nowMs, long lifetimeMs)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(nonce, out var entry))
            {
                // Strictly increasing: an equal nc is the same request again, a lower one an old capture.
                if (nc <= entry.LastCount)
                {
                    return NonceCountOutcome.Replay;
                }
                _entries[nonce] = entry with { LastCount = nc };
                return NonceCountOutcome.Accepted;
            }

            if (++_insertsSinceSweep >= SweepEvery || _entries.Count >= _capacity)
            {
                Sweep(nowMs, lifetimeMs);
            }
            if (issuedAtMs <= _watermarkMs)
            {
                return NonceCountOutcome.Forgotten;
            }
            _entries[nonce] = new Entry(issuedAtMs, nc);
            return NonceCountOutcome.Accepted;
        }
    }

    private void Sweep(long nowMs, long lifetimeMs)
    {
        _insertsSinceSweep = 0;
        foreach (var (nonce, entry) in _entries)
        {
            // Removing during enumeration is allowed for Dictionary since .NET Core 3.0.
            if (nowMs - entry.IssuedAtMs > lifetimeMs)
            {
                _entries.Remove(nonce);
            }
        }
        if (_entries.Count < _capacity)
        {
            return;
        }

        // Still full of live nonces: forget the oldest half and raise the watermark past them.
        var issued = new long[_entries.Count];
        int n = 0;
        foreach (var entry in _entries.Values)
        {
            issued[n++] = entry.IssuedAtMs;
        }
        Array.Sort(issued);
        long cutoff = issued[issued.Length / 2];
        foreach (var (nonce, entry) in _entries)
        {
            if (entry.IssuedAtMs <= cutoff)
            {
                _entries.Remove(nonce);
            }
        }
        _watermarkMs = Math.Max(_watermarkMs, cutoff);
    }

    private readonly record struct Entry(long IssuedAtMs, uint LastCount);
}
