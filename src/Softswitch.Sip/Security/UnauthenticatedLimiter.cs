using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Security;

/// <summary>
/// The per-source rate limit on requests from sources that are not registered (issue 12, reflection; Kamailio's pike
/// module is the model): a sliding-window counter per source IP address, a silent drop past the limit, and the counts
/// behind the periodic summary line. Registered phones (the address and port an accepted REGISTER came from), exempt
/// networks and known trunk addresses (<see cref="Trust"/>) are never counted nor dropped.
/// </summary>
/// <remarks>
/// <para>Why a silent drop and not a 503: any answer goes to the request's source, which a UDP sender can forge, so
/// an answer past the limit would keep the switch useful as a reflector. A real client retransmits (timers A and E)
/// and gets through as the window slides; the limit is a rate, not a ban, so a phone behind the flooding address
/// still gets <see cref="UnauthenticatedLimitOptions.MaxRequests"/> requests per window answered.</para>
/// <para>The window is the two-counter approximation of a sliding window: the previous fixed window's count weighted
/// by how much of it still overlaps the sliding one, plus the current count. Dropped requests are not counted, so a
/// source sending above the limit is served at the limit's rate, never more.</para>
/// <para>Memory is bounded by <see cref="UnauthenticatedLimitOptions.MaxTrackedSources"/> and
/// <see cref="UnauthenticatedLimitOptions.MaxRegisteredSources"/>. A request from a registered or already-counted source
/// allocates nothing: the keys are structs built on the stack. One lock guards both tables (UDP has one receive loop;
/// TCP connections add a few threads), held for a dictionary lookup or two.</para>
/// </remarks>
public sealed partial class UnauthenticatedLimiter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SourceAddress, Counter> _sources = [];
    private readonly Dictionary<RegisteredSource, long> _registered = [];
    private readonly AddressPrefix[] _exempt;
    private readonly UnauthenticatedLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _window;
    private readonly long _trust;
    private volatile Func<IPAddress, bool>? _trusted;
    private long _summaryStart;
    private int _epoch = 1;
    private long _requests;
    private long _dropped;
    private long _sourcesSeen;

    public UnauthenticatedLimiter(UnauthenticatedLimitOptions options, TimeProvider time, ILogger<UnauthenticatedLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        _options = options;
        _time = time;
        _logger = logger;
        _window = TimeSpan.FromSeconds(options.WindowSeconds).Ticks;
        _trust = TimeSpan.FromSeconds(options.RegisteredTrustSeconds).Ticks;
        var exempt = (options.ExemptNetworks ?? []).Select(AddressPrefix.Parse);
        _exempt = (options.ExemptLoopback ? AddressPrefix.Loopback.Concat(exempt) : exempt).ToArray();
        _summaryStart = Now;
    }

    /// <summary>Source addresses being counted.</summary>
    public int TrackedSources
    {
        get
        {
            lock (_lock)
            {
                return _sources.Count;
            }
        }
    }

    /// <summary>Registered source addresses and ports remembered (live or not yet swept).</summary>
    public int RegisteredSources
    {
        get
        {
            lock (_lock)
            {
                return _registered.Count;
            }
        }
    }

    private long Now => _time.GetUtcNow().UtcTicks;

    /// <summary>
    /// Consults <paramref name="isTrusted"/> for every request from a source that is not exempt: an address it
    /// answers true for (a trunk's remoteIps or remoteIp, docs/hardening.md) is neither counted nor dropped. The
    /// predicate is called outside the lock on the receive path, so it must answer lock-free from memory (the
    /// gateway snapshot does) and follow management changes by itself. A later call replaces the earlier one.
    /// </summary>
    public void Trust(Func<IPAddress, bool> isTrusted)
    {
        ArgumentNullException.ThrowIfNull(isTrusted);
        _trusted = isTrusted;
    }

    /// <summary>
    /// Counts one new request from <paramref name="source"/>; false when it is past the limit and must be dropped
    /// without an answer. Registered, exempt and trusted sources, and requests without a source (built in process),
    /// always pass.
    /// </summary>
    public bool Admit(SipEndPoint? source)
    {
        if (source is null)
        {
            return true;
        }
        var address = SourceAddress.Of(source.EndPoint.Address);
        foreach (var prefix in _exempt)
        {
            if (prefix.Contains(address))
            {
                return true;
            }
        }
        if (_trusted is { } trusted && trusted(source.EndPoint.Address))
        {
            return true;
        }
        var registered = new RegisteredSource(address, source.EndPoint.Port, source.Transport);
        long now = Now;
        lock (_lock)
        {
            if (_registered.TryGetValue(registered, out long until) && until > now)
            {
                return true;
            }
            _requests++;
            if (!_sources.TryGetValue(address, out var counter))
            {
                MakeRoomLocked(now);
                counter = new Counter { WindowStart = now };
                _sources[address] = counter;
            }
            if (counter.Epoch != _epoch)
            {
                counter.Epoch = _epoch;
                _sourcesSeen++;
            }
            counter.Roll(now, _window);
            counter.LastSeen = now;
            if (counter.Estimate(now, _window) + 1 > _options.MaxRequests)
            {
                _dropped++;
                return !_options.Enabled;
            }
            counter.Current++;
            return true;
        }
    }

    /// <summary>
    /// A REGISTER from <paramref name="source"/> was accepted: the address and port are a registered phone's for
    /// <see cref="UnauthenticatedLimitOptions.RegisteredTrustSeconds"/>, neither counted nor dropped.
    /// </summary>
    public void TrustRegistered(SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var key = new RegisteredSource(SourceAddress.Of(source.EndPoint.Address), source.EndPoint.Port, source.Transport);
        long now = Now;
        lock (_lock)
        {
            if (!_registered.ContainsKey(key) && _registered.Count >= _options.MaxRegisteredSources)
            {
                EvictRegisteredLocked(now);
            }
            _registered[key] = now + _trust;
        }
    }

    /// <summary>
    /// Takes the counts since the last call (the summary line's figures) and starts a new interval; also sweeps
    /// what is no longer needed, so the tables shrink back after a flood.
    /// </summary>
    public UnauthenticatedSummary TakeSummary()
    {
        long now = Now;
        lock (_lock)
        {
            var summary = new UnauthenticatedSummary(_requests, _sourcesSeen, _dropped, TimeSpan.FromTicks(now - _summaryStart));
            _requests = 0;
            _dropped = 0;
            _sourcesSeen = 0;
            _epoch++;
            _summaryStart = now;
            SweepLocked(now);
            return summary;
        }
    }

    /// <summary>Logs the summary line when anything was counted (Warning when requests were dropped); the engine's timer calls it.</summary>
    public void ReportSummary()
    {
        var summary = TakeSummary();
        if (summary.Dropped > 0)
        {
            LogSummaryDropped(summary.Requests, summary.Sources, (long)summary.Interval.TotalSeconds, summary.Dropped, _options.MaxRequests, _options.WindowSeconds);
        }
        else if (summary.Requests > 0)
        {
            LogSummary(summary.Requests, summary.Sources, (long)summary.Interval.TotalSeconds);
        }
    }

    private void SweepLocked(long now)
    {
        foreach (var (address, counter) in _sources)
        {
            // Two windows without a request: both counters would read zero.
            if (now - counter.LastSeen >= 2 * _window)
            {
                _sources.Remove(address);
            }
        }
        foreach (var (key, until) in _registered)
        {
            if (until <= now)
            {
                _registered.Remove(key);
            }
        }
    }

    /// <summary>
    /// Before a new source is added to a full table: sweep the idle ones, and if that is not enough drop the half that
    /// sent least. A flood of spoofed one-shot sources fills the table, so those go first while a heavy sender (the
    /// one being limited) stays, and removing half keeps the cost amortised.
    /// </summary>
    private void MakeRoomLocked(long now)
    {
        if (_sources.Count < _options.MaxTrackedSources)
        {
            return;
        }
        SweepLocked(now);
        if (_sources.Count < _options.MaxTrackedSources)
        {
            return;
        }
        var estimates = new List<double>(_sources.Count);
        foreach (var counter in _sources.Values)
        {
            counter.Roll(now, _window);
            estimates.Add(counter.Estimate(now, _window));
        }
        estimates.Sort();
        double cutoff = estimates[estimates.Count / 2];
        foreach (var (address, counter) in _sources)
        {
            if (counter.Estimate(now, _window) <= cutoff)
            {
                _sources.Remove(address);
            }
        }
    }

    /// <summary>Drops the expired registered sources, and if none had expired the half that expires first.</summary>
    private void EvictRegisteredLocked(long now)
    {
        SweepLocked(now);
        if (_registered.Count < _options.MaxRegisteredSources)
        {
            return;
        }
        var expiries = _registered.Values.ToList();
        expiries.Sort();
        long cutoff = expiries[expiries.Count / 2];
        foreach (var (key, until) in _registered)
        {
            if (until <= cutoff)
            {
                _registered.Remove(key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Requests} requests from {Sources} unregistered source addresses in the last {Seconds} s")]
    private partial void LogSummary(long requests, long sources, long seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Requests} requests from {Sources} unregistered source addresses in the last {Seconds} s, {Dropped} dropped over the per-source limit ({MaxRequests} per {WindowSeconds} s)")]
    private partial void LogSummaryDropped(long requests, long sources, long seconds, long dropped, int maxRequests, int windowSeconds);

    /// <summary>A registered phone's source: address, port and transport, as the accepted REGISTER came.</summary>
    private readonly record struct RegisteredSource(SourceAddress Address, int Port, SipTransportKind Transport);

    /// <summary>One source address's sliding window: the previous and current fixed windows' counts.</summary>
    private sealed class Counter
    {
        public long WindowStart;
        public long LastSeen;
        public int Previous;
        public int Current;
        public int Epoch;

        public void Roll(long now, long window)
        {
            long elapsed = now - WindowStart;
            if (elapsed >= 2 * window)
            {
                Previous = 0;
                Current = 0;
                WindowStart = now;
            }
            else if (elapsed >= window)
            {
                Previous = Current;
                Current = 0;
                WindowStart += window;
            }
        }

        /// <summary>Requests in the sliding window ending now (after <see cref="Roll"/>).</summary>
        public double Estimate(long now, long window)
        {
            long elapsed = Math.Clamp(now - WindowStart, 0, window);
            return Previous * ((double)(window - elapsed) / window) + Current;
        }
    }
}
